"use client";

import { Gauge, Power, PowerOff, Tag, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { usePermission } from "@/components/shell/staff-context";
import { jobActionPermissions } from "@/lib/jobs/permissions";
import type { BulkAccountAction } from "./bulk-action-bar";
import type { AccountSelection } from "./use-account-selection";

const buttons: {
  action: BulkAccountAction;
  label: string;
  icon: typeof Power;
  variant: "danger" | "secondary";
}[] = [
  { action: "account.disable", label: "Disable", icon: PowerOff, variant: "danger" },
  { action: "account.enable", label: "Enable", icon: Power, variant: "secondary" },
  { action: "account.channel_limit", label: "Set channel limit", icon: Gauge, variant: "secondary" },
  { action: "account.pricing", label: "Custom pricing", icon: Tag, variant: "secondary" },
];

/**
 * The bulk bar's buttons (./bulk-action-bar.tsx): "select all N in this view", Clear, and the bulk actions,
 * each allowed exactly when the single action is (disabled with the reason otherwise).
 */
export function BulkActions({
  selection,
  widenTo,
  plural,
  onAction,
}: {
  selection: AccountSelection;
  /** The view's total when "select all N in this view" is offered. */
  widenTo: number | undefined;
  plural: (count: number) => string;
  onAction: (action: BulkAccountAction) => void;
}) {
  return (
    <>
      {widenTo !== undefined ? (
        <Button variant="ghost" size="sm" onClick={selection.selectWholeView} className="underline">
          Select all {plural(widenTo)} in this view
        </Button>
      ) : null}
      <Button variant="ghost" size="sm" onClick={selection.clear}>
        <X aria-hidden className="size-4" />
        Clear selection
      </Button>
      <div
        role="group"
        aria-label="Apply to the selected accounts"
        className="flex flex-wrap gap-2 sm:ml-auto"
      >
        {buttons.map((button) => (
          <BulkButton key={button.action} {...button} onClick={onAction} />
        ))}
      </div>
    </>
  );
}

function BulkButton({
  action,
  label,
  icon: Icon,
  variant,
  onClick,
}: (typeof buttons)[number] & { onClick: (action: BulkAccountAction) => void }) {
  const permission = usePermission(jobActionPermissions[action]);
  return (
    <DisabledReason reason={permission.reason}>
      <Button size="sm" variant={variant} disabled={!permission.allowed} onClick={() => onClick(action)}>
        <Icon aria-hidden className="size-4" />
        {label}
      </Button>
    </DisabledReason>
  );
}
