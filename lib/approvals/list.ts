// Who sees which requests: staff holding the permission the action needs (a bulk job's is its action's),
// and the shell's count of those still waiting. Break-glass executions wait here for another admin.
import "server-only";
import { AppError } from "@/lib/api/errors";
import { can, roles, type Permission, type Role } from "@/lib/auth/permissions";
import type { StaffSession } from "@/lib/auth/session";
import {
  countOtherActiveStaff,
  countPending,
  findApproval,
  listApprovals,
  listUnreviewedBreakGlass,
  markBreakGlassReviewed,
  type ApprovalRow,
} from "@/lib/db/approvals";
import { jobActionPermissions } from "@/lib/jobs/permissions";
import { listMetaOf } from "@/lib/schemas/common";
import type { ApprovalDto, ApprovalListQuery } from "@/lib/schemas/approvals";
import { parseHeldRequest, permissionFor } from "./actions";
import { recordDecision, type DecisionContext } from "./decide";
import { toApprovalDto } from "./dto";
import type { ApprovalAction } from "./policy";

/** The actions whose requests a role may see: one it could approve for at least some request. */
export function visibleActions(role: Role): ApprovalAction[] {
  const visible: ApprovalAction[] = [];
  if (can(role, "users.remove")) visible.push("org_user.remove", "access_review.remove");
  if (Object.values(jobActionPermissions).some((permission) => can(role, permission)))
    visible.push("job.create");
  if (can(role, "staff.manage")) visible.push("staff.make_admin");
  return visible;
}

function permissionOf(row: ApprovalRow): Permission | null {
  try {
    return permissionFor(
      parseHeldRequest(row.action, JSON.parse(row.requestJson) as Record<string, unknown>),
    );
  } catch {
    return null;
  }
}

/** Rights per row: deciding needs the action's permission; break-glass also needs nobody else to hold it. */
async function dtosFor(rows: ApprovalRow[], staff: StaffSession, at: Date): Promise<ApprovalDto[]> {
  const loneByPermission = new Map<Permission, boolean>();
  const dtos: ApprovalDto[] = [];
  for (const row of rows) {
    const permission = permissionOf(row);
    const mayDecide = !!permission && can(staff.role, permission);
    if (permission && mayDecide && row.requestedBy === staff.staffId && !loneByPermission.has(permission)) {
      const holders = roles.filter((role) => can(role, permission));
      loneByPermission.set(permission, (await countOtherActiveStaff(holders, staff.staffId)) === 0);
    }
    const mayBreakGlass = !!permission && mayDecide && loneByPermission.get(permission) === true;
    dtos.push(toApprovalDto(row, staff, at, { mayDecide, mayBreakGlass }));
  }
  return dtos;
}

export async function listApprovalsFor(staff: StaffSession, query: ApprovalListQuery, at: Date) {
  const actions = visibleActions(staff.role);
  const [{ rows, totalResults }, pendingCount] = await Promise.all([
    listApprovals({ actions, status: query.status, page: query.page, pageSize: query.pageSize, at }),
    countPending(actions, at),
  ]);
  return {
    data: await dtosFor(rows, staff, at),
    // The shell's badge reads this (one request for the list's first row and the count).
    meta: { ...listMetaOf(query, totalResults), pendingCount },
  };
}

export async function getApprovalFor(staff: StaffSession, id: string, at: Date): Promise<ApprovalDto> {
  const row = await findApproval(id);
  if (!row || !visibleActions(staff.role).includes(row.action as ApprovalAction)) {
    throw new AppError("not_found", "There is no approval request with this id.");
  }
  const [dto] = await dtosFor([row], staff, at);
  return dto!;
}

export { listUnreviewedBreakGlass };

/** Another admin marks a break-glass execution reviewed; the overview stops showing it. */
export async function reviewBreakGlass(id: string, context: DecisionContext, at: Date): Promise<ApprovalRow> {
  const row = await findApproval(id);
  if (!row?.isBreakGlass) throw new AppError("not_found", "There is no break-glass execution with this id.");
  if (row.requestedBy === context.staff.staffId) {
    throw new AppError("forbidden", "Another admin must review your own break-glass action.");
  }
  const reviewed = await markBreakGlassReviewed(
    row.id,
    { id: context.staff.staffId, email: context.staff.email },
    at,
  );
  if (!reviewed) throw new AppError("conflict", "This break-glass action is already reviewed.");
  await recordDecision(context, row, "review", "success", undefined, { breakGlass: true });
  return reviewed;
}
