"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { alertThresholdOptions } from "@/lib/queries/alerts";
import { ThresholdDialog } from "./threshold-dialog";

/** The account's low-balance line on its page: own or default, where it recovers, and a way to change it. */
export function ThresholdCard({ accountId, currency }: { accountId: string; currency: string | null }) {
  const threshold = useQuery(alertThresholdOptions(accountId));
  const permission = usePermission("alerts.manage");
  const [isOpen, setOpen] = useState(false);
  const unit = currency ? ` ${currency}` : "";
  const value = threshold.data;
  return (
    <Card data-testid="threshold-card">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <CardTitle>Low-balance alert</CardTitle>
        <DisabledReason reason={permission.reason}>
          <Button
            size="sm"
            variant="secondary"
            disabled={!permission.allowed || !value}
            onClick={() => setOpen(true)}
          >
            Change threshold
          </Button>
        </DisabledReason>
      </div>
      <p className="mt-2 text-sm" data-testid="threshold-summary" aria-live="polite">
        {value
          ? `Alerts below ${value.threshold}${unit} (${value.isDefault ? "the default" : "this account's own threshold"}); recovered again at ${value.recoveryLine}${unit}.`
          : threshold.isError
            ? `The threshold could not be loaded: ${threshold.error.message}`
            : "Loading the threshold…"}
      </p>
      {value ? (
        <ThresholdDialog
          accountId={accountId}
          current={value}
          unit={unit}
          open={isOpen}
          onOpenChange={setOpen}
        />
      ) : null}
    </Card>
  );
}
