// Balance refreshes: at most one queued or running at a time (a partial unique index, across instances),
// driven by whoever holds its lease. A driver that dies leaves its lease to run out; the next one resumes.
import "server-only";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { balanceRefreshes, type BalanceRefreshRow, type BalanceRefreshStatus } from "./schema";

export type { BalanceRefreshRow, BalanceRefreshStatus };

const active = inArray(balanceRefreshes.status, ["queued", "running"]);
const leaseExpiry = (leaseMs: number) => sql`now() + ${`${leaseMs} milliseconds`}::interval`;

/** A new refresh, or (created: false) the one already queued or running. */
export async function createRefresh(
  requestedByStaffId: string | null,
  db?: Db,
): Promise<{ refresh: BalanceRefreshRow; created: boolean }> {
  const database = db ?? (await getDb());
  const [created] = await database
    .insert(balanceRefreshes)
    .values({ requestedByStaffId })
    .onConflictDoNothing()
    .returning();
  if (created) return { refresh: created, created: true };
  const [current] = await database.select().from(balanceRefreshes).where(active).limit(1);
  // It finished between the insert and the read: try once more.
  if (!current) return createRefresh(requestedByStaffId, database);
  return { refresh: current, created: false };
}

export async function getRefresh(id: string, db?: Db): Promise<BalanceRefreshRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(balanceRefreshes).where(eq(balanceRefreshes.id, id));
  return row ?? null;
}

export async function latestRefresh(db?: Db): Promise<BalanceRefreshRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select()
    .from(balanceRefreshes)
    .orderBy(desc(balanceRefreshes.createdAt))
    .limit(1);
  return row ?? null;
}

/** Takes the lease when free, expired or already ours. Failures are counted again on a resume. */
export async function claimRefresh(id: string, owner: string, leaseMs: number, db?: Db) {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(balanceRefreshes)
    .set({
      leaseOwner: owner,
      leaseUntil: leaseExpiry(leaseMs),
      status: "running",
      failed: 0,
      startedAt: sql`coalesce(${balanceRefreshes.startedAt}, now())`,
    })
    .where(
      and(
        eq(balanceRefreshes.id, id),
        active,
        or(
          sql`${balanceRefreshes.leaseUntil} is null`,
          lt(balanceRefreshes.leaseUntil, sql`now()`),
          eq(balanceRefreshes.leaseOwner, owner),
        ),
      ),
    )
    .returning();
  return row ?? null;
}

/** Extends the lease; false when it is no longer ours. */
export async function renewRefreshLease(id: string, owner: string, leaseMs: number, db?: Db) {
  const database = db ?? (await getDb());
  const rows = await database
    .update(balanceRefreshes)
    .set({ leaseUntil: leaseExpiry(leaseMs) })
    .where(and(eq(balanceRefreshes.id, id), eq(balanceRefreshes.leaseOwner, owner), active))
    .returning({ id: balanceRefreshes.id });
  return rows.length > 0;
}

export async function setRefreshTotal(id: string, total: number, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(balanceRefreshes).set({ total }).where(eq(balanceRefreshes.id, id));
}

export async function countRefreshFailure(id: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(balanceRefreshes)
    .set({ failed: sql`${balanceRefreshes.failed} + 1` })
    .where(eq(balanceRefreshes.id, id));
}

/** Ends the refresh if this owner still holds it; false when someone else took it over. */
export async function finishRefresh(id: string, owner: string, status: BalanceRefreshStatus, db?: Db) {
  const database = db ?? (await getDb());
  const rows = await database
    .update(balanceRefreshes)
    .set({ status, finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
    .where(and(eq(balanceRefreshes.id, id), eq(balanceRefreshes.leaseOwner, owner), active))
    .returning({ id: balanceRefreshes.id });
  return rows.length > 0;
}

/** Refreshes nobody drives: never claimed, or their driver's lease ran out. */
export async function orphanedRefreshIds(db?: Db): Promise<string[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ id: balanceRefreshes.id })
    .from(balanceRefreshes)
    .where(
      and(
        active,
        or(sql`${balanceRefreshes.leaseUntil} is null`, lt(balanceRefreshes.leaseUntil, sql`now()`)),
      ),
    );
  return rows.map((row) => row.id);
}

/** On a single-process (PGlite) start: any lease in the file was held by this process's previous life. */
export async function releaseRefreshLeases(db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(balanceRefreshes).set({ leaseOwner: null, leaseUntil: null }).where(active);
}
