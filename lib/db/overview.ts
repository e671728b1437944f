// The overview's figures from our own tables: a handful of grouped counts, no Telnyx read.
import "server-only";
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { accessReviews, accountAlertThresholds, auditEvents, balanceAccounts, jobs, staff } from "./schema";

export interface AttentionCounts {
  belowThreshold: number;
  runningJobs: number;
  failedJobs: number;
  openReviews: number;
  staffNeverSignedIn: number;
}

// The threshold that applies to each account: its own, or the default passed in.
const thresholdOf = (fallback: string) =>
  sql`coalesce(${accountAlertThresholds.threshold}, ${fallback}::numeric)`;

/** What needs someone today. Failed jobs: ended failed or partial in the last 7 days. */
export async function attentionCounts(fallback: string, now: Date, db?: Db): Promise<AttentionCounts> {
  const database = db ?? (await getDb());
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [below, running, failed, reviews, never] = await Promise.all([
    database
      .select({ value: count() })
      .from(balanceAccounts)
      .leftJoin(accountAlertThresholds, eq(accountAlertThresholds.accountId, balanceAccounts.accountId))
      .where(
        and(isNotNull(balanceAccounts.amount), sql`${balanceAccounts.amount} < ${thresholdOf(fallback)}`),
      ),
    database
      .select({ value: count() })
      .from(jobs)
      .where(inArray(jobs.status, ["queued", "running"])),
    database
      .select({ value: count() })
      .from(jobs)
      .where(and(inArray(jobs.status, ["failed", "partial"]), gte(jobs.finishedAt, weekAgo))),
    database.select({ value: count() }).from(accessReviews).where(eq(accessReviews.status, "open")),
    database
      .select({ value: count() })
      .from(staff)
      .where(and(eq(staff.status, "active"), isNull(staff.lastSignInAt))),
  ]);
  return {
    belowThreshold: below[0]?.value ?? 0,
    runningJobs: running[0]?.value ?? 0,
    failedJobs: failed[0]?.value ?? 0,
    openReviews: reviews[0]?.value ?? 0,
    staffNeverSignedIn: never[0]?.value ?? 0,
  };
}

export interface BalanceRow {
  accountId: string;
  label: string;
  amount: string;
  currency: string | null;
  threshold: string;
}

/** Every account's latest balance (rolled-up accounts have none), lowest first. */
export async function latestBalanceRows(fallback: string, db?: Db): Promise<BalanceRow[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({
      accountId: balanceAccounts.accountId,
      organizationName: balanceAccounts.organizationName,
      email: balanceAccounts.email,
      amount: balanceAccounts.amount,
      currency: balanceAccounts.currency,
      threshold: sql<string>`${thresholdOf(fallback)}::text`,
    })
    .from(balanceAccounts)
    .leftJoin(accountAlertThresholds, eq(accountAlertThresholds.accountId, balanceAccounts.accountId))
    .where(isNotNull(balanceAccounts.amount))
    .orderBy(asc(balanceAccounts.amount));
  return rows.map((row) => ({
    accountId: row.accountId,
    label: row.organizationName || row.email,
    amount: row.amount ?? "0",
    currency: row.currency,
    threshold: row.threshold,
  }));
}

/** Audit rows per UTC day since `since`, oldest first (days without rows are left out). */
export async function auditRowsPerDay(since: Date, db?: Db): Promise<{ day: string; count: number }[]> {
  const database = db ?? (await getDb());
  const day = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  const rows = await database
    .select({ day, count: count() })
    .from(auditEvents)
    .where(gte(auditEvents.occurredAt, since))
    .groupBy(day)
    .orderBy(day);
  return rows.map((row) => ({ day: row.day, count: row.count }));
}
