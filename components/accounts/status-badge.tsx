"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Hint } from "@/components/ui/hint";
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
    <Hint text={unknownReason} aria-label={`Status unknown: ${unknownReason}`}>
      <Badge tone="neutral" data-testid="account-status" className="border border-dashed">
        unknown
      </Badge>
    </Hint>
  );
}
