// Low-balance alert states, the alerts raised, and per-account thresholds. A state change, its alert row
// and its webhook delivery are written in one transaction under a lock on the account's state row, so two
// instances evaluating the same readings raise each alert exactly once.
import "server-only";
import { and, count, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import {
  accountAlertThresholds,
  balanceAccounts,
  balanceAlerts,
  balanceAlertStates,
  balanceSnapshots,
  webhookDeliveries,
  type AccountAlertThresholdRow,
  type BalanceAlertRow,
  type BalanceAlertStateRow,
} from "./schema";
import type { AlertEventType, AlertState } from "@/lib/balances/alert-state";
import { normaliseDecimal } from "@/lib/balances/decimal";

export type { AccountAlertThresholdRow, BalanceAlertRow, BalanceAlertStateRow };

export async function listAlertStates(db?: Db): Promise<Map<string, AlertState>> {
  const database = db ?? (await getDb());
  const rows = await database.select().from(balanceAlertStates);
  return new Map(rows.map((row) => [row.accountId, row.state]));
}

/** Each account's last reading in a refresh that had a balance (rolled-up accounts have none of their own). */
export async function readingsOfRefresh(
  refreshId: string,
  db?: Db,
): Promise<{ accountId: string; amount: string; currency: string }[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({
      accountId: balanceSnapshots.accountId,
      amount: balanceSnapshots.amount,
      currency: balanceSnapshots.currency,
    })
    .from(balanceSnapshots)
    .where(and(eq(balanceSnapshots.refreshId, refreshId), isNotNull(balanceSnapshots.amount)))
    .orderBy(balanceSnapshots.takenAt);
  const latest = new Map<string, { accountId: string; amount: string; currency: string }>();
  for (const row of rows) {
    if (row.amount !== null)
      latest.set(row.accountId, {
        ...row,
        amount: normaliseDecimal(row.amount) ?? row.amount,
        currency: row.currency ?? "USD",
      });
  }
  return [...latest.values()];
}

/** The account's email and name as the last refresh saw them (balance_accounts), or nulls. */
export async function accountNameOf(
  accountId: string,
  db?: Db,
): Promise<{ email: string | null; organizationName: string | null }> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ email: balanceAccounts.email, organizationName: balanceAccounts.organizationName })
    .from(balanceAccounts)
    .where(eq(balanceAccounts.accountId, accountId));
  return row ?? { email: null, organizationName: null };
}

export async function listThresholdOverrides(db?: Db): Promise<Map<string, string>> {
  const database = db ?? (await getDb());
  const rows = await database.select().from(accountAlertThresholds);
  return new Map(rows.map((row) => [row.accountId, row.threshold]));
}

export async function getThresholdOverride(
  accountId: string,
  db?: Db,
): Promise<AccountAlertThresholdRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select()
    .from(accountAlertThresholds)
    .where(eq(accountAlertThresholds.accountId, accountId));
  return row ?? null;
}

/** Sets (or, with null, removes) an account's own threshold. */
export async function setThresholdOverride(
  accountId: string,
  threshold: string | null,
  staffId: string,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  if (threshold === null) {
    await database.delete(accountAlertThresholds).where(eq(accountAlertThresholds.accountId, accountId));
    return;
  }
  await database
    .insert(accountAlertThresholds)
    .values({ accountId, threshold, updatedByStaffId: staffId })
    .onConflictDoUpdate({
      target: accountAlertThresholds.accountId,
      set: { threshold, updatedByStaffId: staffId, updatedAt: sql`now()` },
    });
}

export interface ReadingToApply {
  accountId: string;
  amount: string;
  currency: string;
  threshold: string;
  account: { email: string | null; organizationName: string | null };
}

export interface AppliedAlert {
  alert: BalanceAlertRow;
  deliveryId: string | null;
}

/**
 * Locks the account's state row, asks `decide` for the transition from the state found there (another
 * instance may have moved it since it was read), and writes the state, the alert and its delivery together.
 */
export async function applyReading(
  reading: ReadingToApply,
  decide: (previous: AlertState | null) => { next: AlertState; event: AlertEventType | null },
  delivery: ((alert: BalanceAlertRow) => { url: string; body: string }) | null,
  db?: Db,
): Promise<AppliedAlert | null> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(balanceAlertStates)
      .where(eq(balanceAlertStates.accountId, reading.accountId))
      .for("update");
    const { next, event } = decide(existing?.state ?? null);
    const values = { state: next, lastAmount: reading.amount, lastThreshold: reading.threshold };
    if (!existing) {
      // Two first readings at once: the loser's insert does nothing and it raises nothing.
      const inserted = await tx
        .insert(balanceAlertStates)
        .values({ accountId: reading.accountId, ...values })
        .onConflictDoNothing()
        .returning();
      if (inserted.length === 0) return null;
    } else if (existing.state !== next) {
      await tx
        .update(balanceAlertStates)
        .set({ ...values, changedAt: sql`now()` })
        .where(eq(balanceAlertStates.accountId, reading.accountId));
    }
    if (!event) return null;
    const [alert] = await tx
      .insert(balanceAlerts)
      .values({
        accountId: reading.accountId,
        type: event,
        amount: reading.amount,
        currency: reading.currency,
        threshold: reading.threshold,
        accountEmail: reading.account.email,
        accountName: reading.account.organizationName,
      })
      .returning();
    if (!alert) throw new Error("The alert row was not written.");
    if (!delivery) return { alert, deliveryId: null };
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ eventId: alert.id, eventType: event, ...delivery(alert), nextAttemptAt: sql`now()` })
      .returning({ id: webhookDeliveries.id });
    return { alert, deliveryId: row?.id ?? null };
  });
}

export interface AlertListFilters {
  status: "open" | "acknowledged" | "all";
  page: number;
  pageSize: number;
}

function statusCondition(status: AlertListFilters["status"]) {
  if (status === "open") return isNull(balanceAlerts.acknowledgedAt);
  if (status === "acknowledged") return isNotNull(balanceAlerts.acknowledgedAt);
  return undefined;
}

export async function listAlerts(
  filters: AlertListFilters,
  db?: Db,
): Promise<{ rows: BalanceAlertRow[]; totalResults: number }> {
  const database = db ?? (await getDb());
  const where = statusCondition(filters.status);
  const rows = await database
    .select()
    .from(balanceAlerts)
    .where(where)
    .orderBy(desc(balanceAlerts.createdAt), desc(balanceAlerts.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [total] = await database.select({ value: count() }).from(balanceAlerts).where(where);
  return { rows, totalResults: total?.value ?? 0 };
}

export async function countOpenAlerts(db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const [total] = await database
    .select({ value: count() })
    .from(balanceAlerts)
    .where(isNull(balanceAlerts.acknowledgedAt));
  return total?.value ?? 0;
}

/** Acknowledges the open ones among `ids`; already acknowledged alerts keep who did it first. */
export async function acknowledgeAlerts(ids: string[], staffId: string, db?: Db): Promise<BalanceAlertRow[]> {
  const database = db ?? (await getDb());
  return database
    .update(balanceAlerts)
    .set({ acknowledgedAt: sql`now()`, acknowledgedByStaffId: staffId })
    .where(and(inArray(balanceAlerts.id, ids), isNull(balanceAlerts.acknowledgedAt)))
    .returning();
}

export async function getAlert(id: string, db?: Db): Promise<BalanceAlertRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(balanceAlerts).where(eq(balanceAlerts.id, id));
  return row ?? null;
}
