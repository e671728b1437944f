// Deciding a held-back request. Approve: a second staff member with the action's permission, never the
// requester (403), within its expiry, with the stored request still matching its hash; pending → approved
// is one conditional UPDATE (a replay or a racing approver gets 409), then the same use-case function as
// the direct route runs as the approver's act on the requester's behalf, and approved → executed (or
// failed) records it. Break-glass: the requester alone, only when nobody else could approve.
import "server-only";
import { AppError } from "@/lib/api/errors";
import { withAuditAnnotation } from "@/lib/api/route-audit";
import { clientIpOf, userAgentOf } from "@/lib/api/request-context";
import { now } from "@/lib/auth/clock";
import { can, roles } from "@/lib/auth/permissions";
import type { StaffSession } from "@/lib/auth/session";
import {
  countOtherActiveStaff,
  findApproval,
  transitionApproval,
  type ApprovalRow,
} from "@/lib/db/approvals";
import { recordAudit } from "@/lib/db/audit";
import { formatDateTime } from "@/lib/format/date";
import { executeHeldRequest, parseHeldRequest, permissionFor, type HeldRequest } from "./actions";
import { requestHash } from "./canonical";
import { effectiveStatus } from "./dto";

export interface DecisionContext {
  request: Request;
  staff: StaffSession;
  requestId: string;
}

type Decision = "approve" | "deny" | "break_glass";

/** The row, its request, and the checks every decision shares (permission, expiry, state, integrity). */
async function openDecision(id: string, decision: Decision, context: DecisionContext) {
  const row = await findApproval(id);
  if (!row) throw new AppError("not_found", "There is no approval request with this id.");
  // Checked before the stored request is even read: a row edited after it was asked for never runs.
  if (
    requestHash(row.action, { type: row.targetType, id: row.targetId }, row.requestJson) !== row.requestHash
  ) {
    throw new AppError("conflict", "This request no longer matches what was asked for; it cannot run.");
  }
  const held = parseHeldRequest(row.action, JSON.parse(row.requestJson) as Record<string, unknown>);
  const permission = permissionFor(held);
  if (!can(context.staff.role, permission)) {
    await recordDecision(context, row, decision, "denied", undefined, { errorCode: "forbidden" });
    throw new AppError("forbidden", "Deciding this needs the permission the action itself needs.");
  }
  const isOwn = row.requestedBy === context.staff.staffId;
  if (decision === "approve" && isOwn) {
    await recordDecision(context, row, decision, "denied", undefined, { errorCode: "own_request" });
    throw new AppError("forbidden", "You asked for this: another staff member must approve it.");
  }
  if (decision === "break_glass" && !isOwn) {
    throw new AppError("forbidden", "Only the person who asked may break glass; you can approve it instead.");
  }
  const at = now(context.request.headers);
  if (effectiveStatus(row, at) === "expired") {
    await transitionApproval(row.id, "pending", { status: "expired" }, at);
    throw new AppError(
      "conflict",
      `This request expired on ${formatDateTime(row.expiresAt)} without a decision. Ask for it again.`,
    );
  }
  if (row.status !== "pending") throw new AppError("conflict", `This request is already ${row.status}.`);
  return { row, held, permission, at };
}

export async function denyApproval(id: string, reason: string, context: DecisionContext) {
  const { row, at } = await openDecision(id, "deny", context);
  const denied = await transitionApproval(row.id, "pending", decidedBy(context, "denied", reason, at), at);
  if (!denied) throw new AppError("conflict", "This request was decided a moment ago.");
  await recordDecision(context, row, "deny", "success", reason);
  return denied;
}

export async function approveApproval(id: string, reason: string, context: DecisionContext) {
  const { row, held, at } = await openDecision(id, "approve", context);
  const approved = await transitionApproval(
    row.id,
    "pending",
    decidedBy(context, "approved", reason, at),
    at,
  );
  if (!approved) throw new AppError("conflict", "This request was decided a moment ago.");
  await recordDecision(context, row, "approve", "success", reason);
  return execute(approved, held, context, { approvalId: row.id, onBehalfOf: row.requestedByEmail });
}

export async function breakGlass(id: string, reason: string, context: DecisionContext) {
  const { row, held, permission, at } = await openDecision(id, "break_glass", context);
  const others = await countOtherActiveStaff(
    roles.filter((role) => can(role, permission)),
    context.staff.staffId,
  );
  if (others > 0) {
    throw new AppError("conflict", "Another staff member can approve this; break-glass is for a lone admin.");
  }
  const approved = await transitionApproval(
    row.id,
    "pending",
    { ...decidedBy(context, "approved", reason, at), isBreakGlass: true },
    at,
  );
  if (!approved) throw new AppError("conflict", "This request was decided a moment ago.");
  await recordDecision(context, row, "break_glass", "success", reason, { breakGlass: true });
  return execute(approved, held, context, { approvalId: row.id, breakGlass: true });
}

async function execute(
  row: ApprovalRow,
  held: HeldRequest,
  context: DecisionContext,
  annotation: Record<string, unknown>,
) {
  const at = () => now(context.request.headers);
  try {
    const execution = await withAuditAnnotation(annotation, () => executeHeldRequest(held, context));
    const executed = await transitionApproval(
      row.id,
      "approved",
      { status: "executed", executedAt: at(), result: execution.result },
      at(),
    );
    return { row: executed ?? row, execution };
  } catch (error) {
    const code = error instanceof AppError ? error.code : "internal";
    // A lost Telnyx answer may still have made the change: the row says "unknown", as the audit row does.
    const outcome = error instanceof AppError ? error.outcome : undefined;
    await transitionApproval(
      row.id,
      "approved",
      { status: "failed", executedAt: at(), result: { errorCode: code, ...(outcome ? { outcome } : {}) } },
      at(),
    );
    throw error;
  }
}

function decidedBy(context: DecisionContext, status: "approved" | "denied", reason: string, at: Date) {
  return {
    status,
    decidedBy: context.staff.staffId,
    decidedByEmail: context.staff.email,
    decisionReason: reason,
    decidedAt: at,
  };
}

export async function recordDecision(
  context: DecisionContext,
  row: ApprovalRow,
  decision: Decision | "review",
  outcome: "success" | "denied",
  reason?: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { staff, request, requestId } = context;
  await recordAudit({
    actor: { id: staff.staffId, email: staff.email, role: staff.role },
    action: decision === "review" ? "approval.break_glass.review" : `approval.${decision}`,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel ?? undefined,
    reason,
    requestSummary: {
      approvalId: row.id,
      approvalAction: row.action,
      requestedBy: row.requestedByEmail,
      ...extra,
    },
    outcome,
    requestId,
    clientIp: clientIpOf(request),
    userAgent: userAgentOf(request),
  });
}
