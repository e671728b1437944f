// Approval rows. Every change of status is one conditional UPDATE on the status it expects, so two
// approvers at once, a replayed approve or an approve racing a deny change the row once; the loser's
// UPDATE matches nothing and it answers 409.
import "server-only";
import { and, count, desc, eq, gt, inArray, isNull, lte, ne, or, type SQL } from "drizzle-orm";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "./connection";
import { getDb } from "./client";
import { approvals, staff, type ApprovalRow, type ApprovalStatus } from "./schema";

export type { ApprovalRow, ApprovalStatus };

export type NewApproval = Pick<
  ApprovalRow,
  | "action"
  | "requestJson"
  | "requestHash"
  | "targetType"
  | "targetId"
  | "targetLabel"
  | "requestedBy"
  | "requestedByEmail"
  | "reason"
  | "expiresAt"
>;

export async function insertApproval(input: NewApproval, db?: Db): Promise<ApprovalRow> {
  const database = db ?? (await getDb());
  const [row] = await database.insert(approvals).values(input).returning();
  if (!row) throw new Error("The approval row was not written.");
  return row;
}

/** The same request by the same person, still waiting: asked twice (a double click) it is one approval. */
export async function findPendingByHash(hash: string, requestedBy: string, at: Date, db?: Db) {
  const database = db ?? (await getDb());
  const [row] = await database
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.requestHash, hash),
        eq(approvals.requestedBy, requestedBy),
        eq(approvals.status, "pending"),
        gt(approvals.expiresAt, at),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function findApproval(id: string, db?: Db): Promise<ApprovalRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(approvals).where(eq(approvals.id, id)).limit(1);
  return row ?? null;
}

/** A pending row past its expiry is listed as expired (nobody needs to have touched it). */
function statusCondition(status: ApprovalStatus, at: Date): SQL | undefined {
  if (status === "pending") return and(eq(approvals.status, "pending"), gt(approvals.expiresAt, at));
  if (status === "expired") {
    return or(
      eq(approvals.status, "expired"),
      and(eq(approvals.status, "pending"), lte(approvals.expiresAt, at)),
    );
  }
  return eq(approvals.status, status);
}

export async function listApprovals(
  filters: { status?: ApprovalStatus; actions: string[]; page: number; pageSize: number; at: Date },
  db?: Db,
): Promise<{ rows: ApprovalRow[]; totalResults: number }> {
  const database = db ?? (await getDb());
  if (filters.actions.length === 0) return { rows: [], totalResults: 0 };
  const conditions = [inArray(approvals.action, filters.actions)];
  if (filters.status) conditions.push(statusCondition(filters.status, filters.at)!);
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    database
      .select()
      .from(approvals)
      .where(where)
      .orderBy(desc(approvals.createdAt), desc(approvals.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    database.select({ value: count() }).from(approvals).where(where),
  ]);
  return { rows, totalResults: total?.value ?? 0 };
}

export async function countPending(actions: string[], at: Date, db?: Db): Promise<number> {
  if (actions.length === 0) return 0;
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ value: count() })
    .from(approvals)
    .where(
      and(inArray(approvals.action, actions), eq(approvals.status, "pending"), gt(approvals.expiresAt, at)),
    );
  return row?.value ?? 0;
}

/** Moves a row from `from` to `to` (with `set`); null when it was not in `from` (or, for pending, expired). */
export async function transitionApproval(
  id: string,
  from: ApprovalStatus,
  set: Partial<ApprovalRow> & { status: ApprovalStatus },
  at: Date,
  db?: Db,
): Promise<ApprovalRow | null> {
  const database = db ?? (await getDb());
  const conditions = [eq(approvals.id, id), eq(approvals.status, from)];
  if (from === "pending" && set.status !== "expired") conditions.push(gt(approvals.expiresAt, at));
  if (set.status === "expired") conditions.push(lte(approvals.expiresAt, at));
  const [row] = await database
    .update(approvals)
    .set(set)
    .where(and(...conditions))
    .returning();
  return row ?? null;
}

export async function setRequestAudit(id: string, auditId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(approvals).set({ requestAuditId: auditId }).where(eq(approvals.id, id));
}

export async function listUnreviewedBreakGlass(db?: Db): Promise<ApprovalRow[]> {
  const database = db ?? (await getDb());
  return database
    .select()
    .from(approvals)
    .where(and(eq(approvals.isBreakGlass, true), isNull(approvals.reviewedAt)))
    .orderBy(desc(approvals.createdAt))
    .limit(20);
}

export async function markBreakGlassReviewed(
  id: string,
  reviewer: { id: string; email: string },
  at: Date,
  db?: Db,
): Promise<ApprovalRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(approvals)
    .set({ reviewedBy: reviewer.id, reviewedByEmail: reviewer.email, reviewedAt: at })
    .where(and(eq(approvals.id, id), eq(approvals.isBreakGlass, true), isNull(approvals.reviewedAt)))
    .returning();
  return row ?? null;
}

/** Active staff members other than `exceptId` whose role is one of `roles`: who could approve instead. */
export async function countOtherActiveStaff(roles: Role[], exceptId: string, db?: Db): Promise<number> {
  if (roles.length === 0) return 0;
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ value: count() })
    .from(staff)
    .where(and(inArray(staff.role, roles), eq(staff.status, "active"), ne(staff.id, exceptId)));
  return row?.value ?? 0;
}
