// Two-person approval: the decision bodies, the list query and the DTO the page and the shell read.
import { z } from "zod";
import { listPageQuery, listPageSizeQuery, optionalEnum, reasonSchema, type ListResult } from "./common";
import { approvalStatusNames } from "./feature-values";
// The browser reads these without zod (lib/schemas/feature-values.ts).
export { approvalStatusNames } from "./feature-values";

export type ApprovalStatusName = (typeof approvalStatusNames)[number];

export const approvalListQuerySchema = z.object({
  status: optionalEnum(approvalStatusNames),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});
export type ApprovalListQuery = z.output<typeof approvalListQuerySchema>;

export const approvalDecisionBodySchema = z.strictObject({ reason: reasonSchema });
export type ApprovalDecisionBody = z.output<typeof approvalDecisionBodySchema>;

/** Marking a break-glass execution reviewed takes no fields; an empty object keeps the JSON-only rule. */
export const breakGlassReviewBodySchema = z.strictObject({});

/** The 202 a held-back request answers. */
export interface PendingApprovalDto {
  id: string;
  status: "pending";
  action: string;
  expiresAt: string;
}

export interface ApprovalDto {
  id: string;
  action: string;
  /** A pending request past its expiry reads "expired" even before anyone touched it. */
  status: ApprovalStatusName;
  summary: string;
  target: { type: string; id: string; label: string | null };
  requestedBy: { id: string; email: string };
  reason: string;
  createdAt: string;
  expiresAt: string;
  decidedBy: { id: string; email: string } | null;
  decisionReason: string | null;
  decidedAt: string | null;
  executedAt: string | null;
  result: Record<string, unknown> | null;
  isBreakGlass: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  /** What the person asking may do with it now. */
  canApprove: boolean;
  canBreakGlass: boolean;
  /** A break-glass execution another admin has not yet marked reviewed, and this person may. */
  canReview: boolean;
}

export type ApprovalList = ListResult<ApprovalDto> & {
  meta: ListResult<ApprovalDto>["meta"] & { pendingCount: number };
};
