// Holding a request back: the route found that the policy covers it, so instead of acting it records the
// exact request (canonical JSON and its hash), writes the approval.request audit row, tells approvers (the
// shell's badge reads the table; the webhook when one is set) and answers 202. Nothing else changes yet.
import "server-only";
import { clientIpOf, userAgentOf } from "@/lib/api/request-context";
import { now } from "@/lib/auth/clock";
import type { StaffSession } from "@/lib/auth/session";
import { findPendingByHash, insertApproval, setRequestAudit, type ApprovalRow } from "@/lib/db/approvals";
import { recordAudit } from "@/lib/db/audit";
import type { PendingApprovalDto } from "@/lib/schemas/approvals";
import type { HeldRequest } from "./actions";
import { canonicalJson, requestHash } from "./canonical";
import { announceApprovalRequested } from "./notify";
import { approvalTtlMs } from "./policy";

export interface HoldInput {
  request: HeldRequest;
  target: { type: string; id: string; label?: string | null };
  reason: string;
}

interface Context {
  request: Request;
  staff: StaffSession;
  requestId: string;
}

export async function holdForApproval(input: HoldInput, context: Context): Promise<Response> {
  const { staff, request, requestId } = context;
  const at = now(request.headers);
  const { action, ...stored } = input.request;
  const json = canonicalJson(stored);
  const hash = requestHash(action, input.target, json);
  // The same request asked again while it waits is the same approval; any change makes a new one.
  const existing = await findPendingByHash(hash, staff.staffId, at);
  if (existing) return pendingResponse(existing);
  const row = await insertApproval({
    action,
    requestJson: json,
    requestHash: hash,
    targetType: input.target.type,
    targetId: input.target.id,
    targetLabel: input.target.label ?? null,
    requestedBy: staff.staffId,
    requestedByEmail: staff.email,
    reason: input.reason,
    expiresAt: new Date(at.getTime() + approvalTtlMs()),
  });
  const auditId = await recordAudit({
    actor: { id: staff.staffId, email: staff.email, role: staff.role },
    action: "approval.request",
    targetType: input.target.type,
    targetId: input.target.id,
    targetLabel: input.target.label ?? undefined,
    reason: input.reason,
    requestSummary: { approvalId: row.id, approvalAction: action, requestHash: hash },
    outcome: "success",
    requestId,
    clientIp: clientIpOf(request),
    userAgent: userAgentOf(request),
  });
  await setRequestAudit(row.id, auditId);
  await announceApprovalRequested(row);
  return pendingResponse(row);
}

function pendingResponse(row: ApprovalRow): Response {
  const approval: PendingApprovalDto = {
    id: row.id,
    status: "pending",
    action: row.action,
    expiresAt: row.expiresAt.toISOString(),
  };
  return Response.json({ data: { approval } }, { status: 202 });
}
