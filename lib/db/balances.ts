// Balance snapshots (90 days of each account's balance) and balance_accounts (the latest per account, with
// its spend rate), which the fleet list, the accounts list and the account page read.
import "server-only";
import { and, asc, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { localReadCache } from "./local-read-cache";
import { accountAlertThresholds, balanceAccounts, balanceRefreshes, balanceSnapshots } from "./schema";

export interface BalanceReading {
  accountId: string;
  email: string;
  organizationName: string;
  rollupBilling: boolean;
  amount: string | null;
  currency: string | null;
  creditLimit: string | null;
  availableCredit: string | null;
}

export interface SpendSummary {
  spendPerDay: string | null;
  daysLeft: string | null;
}

/** Account ids this refresh has already read: a resumed refresh skips them. */
export async function accountIdsReadIn(refreshId: string, db?: Db): Promise<Set<string>> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ accountId: balanceSnapshots.accountId })
    .from(balanceSnapshots)
    .where(eq(balanceSnapshots.refreshId, refreshId));
  return new Set(rows.map((row) => row.accountId));
}

/**
 * Stores one reading: the snapshot, the account's latest row with its spend worked out by `summarise` from
 * the window's amounts, and the refresh's count, in one transaction (a crash counts it never or once).
 */
export async function recordReading(
  refreshId: string | null,
  reading: BalanceReading,
  windowDays: number,
  summarise: (points: { amount: string; at: Date }[]) => SpendSummary,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  await latestRows.writing(() =>
    database.transaction(async (tx) => {
      const [snapshot] = await tx
        .insert(balanceSnapshots)
        .values({
          accountId: reading.accountId,
          amount: reading.amount,
          currency: reading.currency,
          creditLimit: reading.creditLimit,
          availableCredit: reading.availableCredit,
          rollupBilling: reading.rollupBilling,
          refreshId,
        })
        .returning({ takenAt: balanceSnapshots.takenAt });
      const takenAt = snapshot?.takenAt ?? new Date();
      const points = await tx
        .select({ amount: balanceSnapshots.amount, at: balanceSnapshots.takenAt })
        .from(balanceSnapshots)
        .where(
          and(
            eq(balanceSnapshots.accountId, reading.accountId),
            isNotNull(balanceSnapshots.amount),
            gte(balanceSnapshots.takenAt, sql`now() - ${`${windowDays} days`}::interval`),
          ),
        )
        .orderBy(asc(balanceSnapshots.takenAt));
      const spend = summarise(
        points.flatMap((point) => (point.amount === null ? [] : [{ ...point, amount: point.amount }])),
      );
      const row = {
        email: reading.email,
        organizationName: reading.organizationName,
        rollupBilling: reading.rollupBilling,
        amount: reading.amount,
        currency: reading.currency,
        takenAt,
        ...spend,
        lastRefreshId: refreshId,
      };
      await tx
        .insert(balanceAccounts)
        .values({ accountId: reading.accountId, ...row })
        .onConflictDoUpdate({ target: balanceAccounts.accountId, set: row });
      if (refreshId) {
        await tx
          .update(balanceRefreshes)
          .set({ done: sql`${balanceRefreshes.done} + 1` })
          .where(eq(balanceRefreshes.id, refreshId));
      }
    }),
  );
}

/**
 * After a refresh that read the whole fleet: accounts it did not meet (cancelled or gone since) leave the
 * fleet's list. Their snapshots stay for their history until pruned.
 */
export async function forgetAccountsNotReadIn(refreshId: string, db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const rows = await latestRows.writing(() =>
    database
      .delete(balanceAccounts)
      .where(sql`${balanceAccounts.lastRefreshId} is distinct from ${refreshId}`)
      .returning({ accountId: balanceAccounts.accountId }),
  );
  return rows.length;
}

/** Deletes snapshots taken before `before`; answers how many went. */
export async function pruneSnapshots(before: Date, db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const rows = await database
    .delete(balanceSnapshots)
    .where(lt(balanceSnapshots.takenAt, before))
    .returning({ id: balanceSnapshots.id });
  return rows.length;
}

export type BalanceSort = "balance" | "days_left";

export interface BalanceListQuery {
  sort: BalanceSort;
  order: "asc" | "desc";
  belowThreshold: boolean;
  page: number;
  pageSize: number;
}

export type BalanceListRow = typeof balanceAccounts.$inferSelect & {
  threshold: string;
  hasOwnThreshold: boolean;
};

/** One page of the fleet's latest balances, with each account's threshold (its own or `fallback`). */
export async function listLatestBalances(query: BalanceListQuery, fallback: string, db?: Db) {
  const database = db ?? (await getDb());
  const threshold = sql<string>`coalesce(${accountAlertThresholds.threshold}, ${fallback}::numeric)`;
  const where: SQL | undefined = query.belowThreshold
    ? and(isNotNull(balanceAccounts.amount), sql`${balanceAccounts.amount} < ${threshold}`)
    : undefined;
  const column = query.sort === "balance" ? balanceAccounts.amount : balanceAccounts.daysLeft;
  const direction = query.order === "asc" ? sql`asc nulls last` : sql`desc nulls last`;
  const base = database
    .select({ row: balanceAccounts, threshold, ownThreshold: accountAlertThresholds.threshold })
    .from(balanceAccounts)
    .leftJoin(accountAlertThresholds, eq(accountAlertThresholds.accountId, balanceAccounts.accountId))
    .where(where);
  const [rows, [counted]] = await Promise.all([
    base
      .orderBy(sql`${column} ${direction}`, asc(balanceAccounts.accountId))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    database
      .select({ total: sql<number>`count(*)::int` })
      .from(balanceAccounts)
      .leftJoin(accountAlertThresholds, eq(accountAlertThresholds.accountId, balanceAccounts.accountId))
      .where(where),
  ]);
  const data: BalanceListRow[] = rows.map(({ row, threshold: line, ownThreshold }) => ({
    ...row,
    threshold: String(line),
    hasOwnThreshold: ownThreshold !== null,
  }));
  return { data, total: counted?.total ?? 0 };
}

/** What the accounts list shows of an account's latest reading. */
export interface LatestRow {
  accountId: string;
  amount: string | null;
  currency: string | null;
  takenAt: Date;
}

/*
 * Every list page asks for its rows' latest balances: one plain statement, handed straight to the driver as
 * the session check is (drizzle's builder costs more CPU than the query here). With PGlite the two writes of
 * balance_accounts above run inside latestRows.writing(), so a kept row (or a kept "none yet") is what the
 * query would answer; with PostgreSQL another instance's refresh writes too, and the query runs every time.
 */
const latestRowsSql = `select account_id, amount::text as amount, currency,
  (extract(epoch from taken_at) * 1000)::float8 as taken_ms
  from balance_accounts where account_id = any($1::text[])`;

const latestRows = localReadCache<LatestRow | null>("latestBalances", {
  maxEntries: 5_000,
  maxAgeMs: 60_000,
});

interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The latest balance of each of these accounts (the accounts list's rows), by id. */
export async function latestBalancesOf(ids: readonly string[], db?: Db): Promise<Map<string, LatestRow>> {
  if (ids.length === 0) return new Map();
  const database = db ?? (await getDb());
  const kept = ids.map((id) => latestRows.get(database, id));
  if (kept.every((row) => row !== undefined)) {
    return new Map(kept.flatMap((row) => (row ? [[row.accountId, row] as const] : [])));
  }
  const generation = latestRows.generation();
  const client = (database as unknown as { $client: Queryable }).$client;
  const { rows } = await client.query(latestRowsSql, [[...ids]]);
  const byId = new Map(
    (rows as { account_id: string; amount: string | null; currency: string | null; taken_ms: number }[]).map(
      (row) => [
        row.account_id,
        {
          accountId: row.account_id,
          amount: row.amount,
          currency: row.currency,
          takenAt: new Date(row.taken_ms),
        },
      ],
    ),
  );
  for (const id of ids) latestRows.set(database, id, byId.get(id) ?? null, generation);
  return byId;
}

/** One account's snapshots since `since`, oldest first (its balance chart). */
export async function balanceHistory(accountId: string, since: Date, db?: Db) {
  const database = db ?? (await getDb());
  return database
    .select({
      amount: balanceSnapshots.amount,
      currency: balanceSnapshots.currency,
      takenAt: balanceSnapshots.takenAt,
    })
    .from(balanceSnapshots)
    .where(and(eq(balanceSnapshots.accountId, accountId), gte(balanceSnapshots.takenAt, since)))
    .orderBy(asc(balanceSnapshots.takenAt));
}
