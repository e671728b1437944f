import "server-only";
import { balanceHistory } from "@/lib/db/balances";

export const CHART_DAYS = 30;

export interface BalanceHistoryPoint {
  /** Null when the account had no balance of its own at that read. */
  amount: number | null;
  at: string;
}

/** An account's balance over the last 30 days, oldest first, from the stored snapshots. */
export async function getBalanceHistory(accountId: string, now = Date.now()) {
  const rows = await balanceHistory(accountId, new Date(now - CHART_DAYS * 86_400_000));
  return {
    now,
    currency: rows.findLast((row) => row.currency !== null)?.currency ?? null,
    points: rows.map<BalanceHistoryPoint>((row) => ({
      amount: row.amount === null ? null : Number(row.amount),
      at: row.takenAt.toISOString(),
    })),
  };
}
