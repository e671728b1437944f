// What each held-back action is: the permission it needs (the approver needs it too), its target, and how
// it runs once approved: through the very use-case function the direct route calls.
import "server-only";
import { startRemovalJob } from "@/lib/access-reviews/removal";
import { AppError } from "@/lib/api/errors";
import type { Permission } from "@/lib/auth/permissions";
import { getAccessReviewOrThrow } from "@/lib/db/access-reviews";
import type { StaffSession } from "@/lib/auth/session";
import { createJob } from "@/lib/jobs/create-job";
import { toJob } from "@/lib/jobs/job-dto";
import { jobActionPermissions } from "@/lib/jobs/permissions";
import { createJobBodySchema, type CreateJobBody } from "@/lib/schemas/jobs";
import { removeOrgUserBodySchema, type RemoveOrgUserBody } from "@/lib/schemas/org-users";
import { updateStaffBodySchema } from "@/lib/schemas/staff";
import { changeStaffMember } from "@/lib/staff/change-staff";
import { removeOrganizationUser } from "@/lib/users/remove-user";
import type { ApprovalAction } from "./policy";
import { pendingRemovalIds } from "./review-removal";

export interface ExecutionContext {
  request: Request;
  staff: StaffSession;
  requestId: string;
}

/** What the direct route would have answered, and the ids kept on the approval row. */
export interface Execution {
  status: number;
  body: Record<string, unknown>;
  result: Record<string, unknown>;
}

export type HeldRequest =
  | { action: "org_user.remove"; id: string; body: RemoveOrgUserBody }
  | { action: "job.create"; body: CreateJobBody }
  | { action: "staff.make_admin"; id: string }
  | { action: "access_review.remove"; id: string; orgUserIds: string[] };

export function permissionFor(request: HeldRequest): Permission {
  if (request.action === "org_user.remove" || request.action === "access_review.remove")
    return "users.remove";
  if (request.action === "job.create") return jobActionPermissions[request.body.action];
  return "staff.manage";
}

/** Reads a stored request back through the route's own schemas: a row edited by hand runs nothing odd. */
export function parseHeldRequest(action: string, stored: Record<string, unknown>): HeldRequest {
  const kind = action as ApprovalAction;
  if (kind === "org_user.remove") {
    return { action: kind, id: String(stored.id), body: removeOrgUserBodySchema.parse(stored.body) };
  }
  if (kind === "job.create") return { action: kind, body: createJobBodySchema.parse(stored.body) };
  if (kind === "staff.make_admin") return { action: kind, id: String(stored.id) };
  if (kind === "access_review.remove") {
    const ids = Array.isArray(stored.orgUserIds) ? stored.orgUserIds.map(String) : [];
    return { action: kind, id: String(stored.id), orgUserIds: ids };
  }
  throw new Error(`Unknown approval action ${action}`);
}

export async function executeHeldRequest(
  request: HeldRequest,
  context: ExecutionContext,
): Promise<Execution> {
  if (request.action === "org_user.remove") {
    const { value, notice } = await removeOrganizationUser(request.id, request.body, context);
    return {
      status: 200,
      body: { data: value, ...(notice ? { notice } : {}) },
      result: { orgUserId: value.id },
    };
  }
  if (request.action === "access_review.remove") {
    const review = await getAccessReviewOrThrow(request.id);
    const current = await pendingRemovalIds(review.id);
    if (current.join(",") !== [...request.orgUserIds].sort().join(",")) {
      throw new AppError(
        "conflict",
        "The people decided remove in this review changed since this was asked for: ask for it again.",
      );
    }
    const { job } = await startRemovalJob(review, context);
    return { status: 202, body: { data: toJob(job) }, result: { jobId: job.id, auditId: job.auditId } };
  }
  if (request.action === "job.create") {
    const job = await createJob(request.body, context);
    return { status: 202, body: { data: toJob(job) }, result: { jobId: job.id, auditId: job.auditId } };
  }
  const data = await changeStaffMember(request.id, updateStaffBodySchema.parse({ role: "admin" }), context);
  return { status: 200, body: { data }, result: { staffId: data.id } };
}
