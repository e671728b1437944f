"use client";

import * as Tooltip from "@radix-ui/react-tooltip";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AccountStatus } from "@/lib/schemas/managed-accounts";

const tones: Record<AccountStatus, BadgeTone> = {
  enabled: "success",
  disabled: "danger",
  blocked: "warning",
  cancelled: "neutral",
};

const unknownReason =
  "Telnyx does not report an account's status; the console works it out from status-filtered lists, and that lookup did not complete this time.";

/** An account's status; "unknown" (with the reason on hover and focus) when it could not be derived. */
export function StatusBadge({ status }: { status?: AccountStatus }) {
  if (status) {
    return (
      <Badge tone={tones[status]} data-testid="account-status">
        {status}
      </Badge>
    );
  }
  return (
    <Tooltip.Provider delayDuration={150}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <span tabIndex={0} aria-label={`Status unknown: ${unknownReason}`} className="inline-flex">
            <Badge tone="neutral" data-testid="account-status" className="border border-dashed">
              unknown
            </Badge>
          </span>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            sideOffset={4}
            className="z-50 max-w-xs rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
          >
            {unknownReason}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
