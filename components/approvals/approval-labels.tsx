import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApprovalDto, ApprovalStatusName } from "@/lib/schemas/approvals";

export const approvalStatusLabels: Record<ApprovalStatusName | "all", string> = {
  pending: "Pending",
  approved: "Approved (running)",
  denied: "Denied",
  expired: "Expired",
  executed: "Approved and done",
  failed: "Approved, failed",
  all: "All",
};

const tones: Record<ApprovalStatusName, BadgeTone> = {
  pending: "warning",
  approved: "info",
  denied: "neutral",
  expired: "neutral",
  executed: "success",
  failed: "danger",
};

export function ApprovalStatusBadge({ approval }: { approval: ApprovalDto }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge tone={tones[approval.status]}>{approvalStatusLabels[approval.status]}</Badge>
      {approval.isBreakGlass ? (
        <Badge tone="danger" data-testid="break-glass-badge">
          Break-glass{approval.reviewedAt ? ", reviewed" : ", not reviewed"}
        </Badge>
      ) : null}
    </span>
  );
}
