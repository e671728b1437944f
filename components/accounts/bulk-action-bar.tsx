"use client";

import { Gauge, Power, PowerOff, Tag, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { usePermission } from "@/components/shell/staff-context";
import { jobActionPermissions } from "@/lib/jobs/permissions";
import type { JobAction } from "@/lib/schemas/jobs";
import type { AccountSelection } from "./use-account-selection";

export type BulkAccountAction = Extract<JobAction, `account.${string}`>;

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

const plural = (count: number) => `${count} account${count === 1 ? "" : "s"}`;

/**
 * Shown while something is ticked: the count (read out as it changes), "select all N in this view", and the
 * bulk actions, each allowed exactly when the single action is (disabled with the reason otherwise).
 */
export function BulkActionBar({
  selection,
  viewTotal,
  pageCount,
  onAction,
}: {
  selection: AccountSelection;
  viewTotal: number | undefined;
  pageCount: number;
  onAction: (action: BulkAccountAction) => void;
}) {
  const count = selection.count;
  const canWidenToView =
    !selection.isWholeView && viewTotal !== undefined && viewTotal > pageCount && count >= pageCount;
  // The bar (and its live count) stays mounted, hidden while empty, so every change of the count is heard.
  if (count === 0) {
    return (
      <div role="region" aria-label="Bulk actions" className="sr-only">
        <p aria-live="polite" aria-atomic>
          No accounts selected
        </p>
      </div>
    );
  }
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      className="flex flex-wrap items-center gap-3 border-b border-brand-200 bg-brand-50 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60"
    >
      <p aria-live="polite" aria-atomic className="font-medium" data-testid="selection-count">
        {selection.isWholeView ? `All ${plural(count)} in this view selected` : `${plural(count)} selected`}
      </p>
      {canWidenToView ? (
        <Button variant="ghost" size="sm" onClick={selection.selectWholeView} className="underline">
          Select all {plural(viewTotal)} in this view
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
    </div>
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
