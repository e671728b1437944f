// An approval row as the API answers it, with what the person asking may do with it.
import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import type { ApprovalRow } from "@/lib/db/approvals";
import type { ApprovalDto } from "@/lib/schemas/approvals";

const actionWords: Record<string, string> = {
  "org_user.remove": "Remove an organization user",
  "job.create": "Start a bulk job",
  "staff.make_admin": "Make a staff member an admin",
  "access_review.remove": "Remove the people an access review decided",
};

export function describeApproval(row: ApprovalRow): string {
  const what = actionWords[row.action] ?? row.action;
  return row.targetLabel ? `${what}: ${row.targetLabel}` : what;
}

export function effectiveStatus(row: ApprovalRow, at: Date): ApprovalDto["status"] {
  return row.status === "pending" && row.expiresAt.getTime() <= at.getTime() ? "expired" : row.status;
}

export function toApprovalDto(
  row: ApprovalRow,
  viewer: { staffId: string; role: Role },
  at: Date,
  rights: { mayDecide: boolean; mayBreakGlass: boolean },
): ApprovalDto {
  const status = effectiveStatus(row, at);
  const isOwn = row.requestedBy === viewer.staffId;
  return {
    id: row.id,
    action: row.action,
    status,
    summary: describeApproval(row),
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    requestedBy: { id: row.requestedBy, email: row.requestedByEmail },
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    decidedBy: row.decidedBy ? { id: row.decidedBy, email: row.decidedByEmail ?? "" } : null,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    executedAt: row.executedAt?.toISOString() ?? null,
    result: row.result ?? null,
    isBreakGlass: row.isBreakGlass,
    reviewedBy: row.reviewedByEmail,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    canApprove: status === "pending" && !isOwn && rights.mayDecide,
    canBreakGlass: status === "pending" && isOwn && rights.mayBreakGlass,
    canReview: row.isBreakGlass && !row.reviewedAt && !isOwn && can(viewer.role, "staff.manage"),
  };
}
