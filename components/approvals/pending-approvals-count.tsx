"use client";

import { useQuery } from "@tanstack/react-query";
import { pendingApprovalCountOptions } from "@/lib/queries/shell-badges";

/** The count of requests waiting for this person's decision beside "Approvals"; nothing when none. */
export function PendingApprovalsCount() {
  const count = useQuery(pendingApprovalCountOptions()).data ?? 0;
  if (count === 0) return null;
  return (
    <span
      data-testid="pending-approvals-count"
      className="ml-auto rounded-full bg-amber-700 px-1.5 text-xs text-white"
      aria-label={`${count} waiting`}
    >
      {count}
    </span>
  );
}
