"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { useHasOpened } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { alertThresholdOptions } from "@/lib/queries/alerts";

// The form is fetched the first time it is asked for, not with the account page.
const ThresholdDialog = dynamic(() => import("./threshold-dialog").then((module) => module.ThresholdDialog), {
  ssr: false,
});

/** The account's low-balance line on its page: own or default, where it recovers, and a way to change it. */
export function ThresholdCard({ accountId, currency }: { accountId: string; currency: string | null }) {
  const threshold = useQuery(alertThresholdOptions(accountId));
  const permission = usePermission("alerts.manage");
  const [isOpen, setOpen] = useState(false);
  const hasOpened = useHasOpened(isOpen);
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
      {value && hasOpened ? (
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
