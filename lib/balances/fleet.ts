// The fleet's balances as the console shows them: from our tables only (no Telnyx read).
import "server-only";
import type { BalanceRefreshRow } from "@/lib/db/balance-refreshes";
import { latestBalancesOf, listLatestBalances, type BalanceListRow } from "@/lib/db/balances";
import type { BalanceListQuery, BalanceRefresh, FleetBalance, LatestBalance } from "@/lib/schemas/balances";
import { listMetaOf } from "@/lib/schemas/common";
import { normaliseDecimal, toTenThousandths } from "./decimal";
import { defaultThreshold } from "./thresholds";

const tidy = (value: string | null) => (value === null ? null : (normaliseDecimal(value) ?? value));

function isBelow(amount: string | null, threshold: string): boolean {
  const units = amount === null ? null : toTenThousandths(amount);
  const line = toTenThousandths(threshold);
  return units !== null && line !== null && units < line;
}

function toFleetBalance(row: BalanceListRow): FleetBalance {
  const threshold = tidy(row.threshold) ?? row.threshold;
  return {
    accountId: row.accountId,
    email: row.email,
    organizationName: row.organizationName,
    rollupBilling: row.rollupBilling,
    amount: tidy(row.amount),
    currency: row.currency,
    asOf: row.takenAt.toISOString(),
    spendPerDay: row.spendPerDay === null ? null : Number(row.spendPerDay).toFixed(2),
    daysLeft: row.daysLeft === null ? null : Number(row.daysLeft).toFixed(1),
    threshold,
    isDefaultThreshold: !row.hasOwnThreshold,
    isBelowThreshold: isBelow(row.amount, threshold),
  };
}

/** One page of the fleet; lowest balance (or fewest days left) first unless `order` says otherwise. */
export async function listFleetBalances(query: BalanceListQuery) {
  const { data, total } = await listLatestBalances(
    { ...query, order: query.order ?? "asc", belowThreshold: query.belowThreshold ?? false },
    defaultThreshold(),
  );
  return { data: data.map(toFleetBalance), meta: listMetaOf(query, total) };
}

/** The accounts list's balance column: the latest snapshot of each row's account, by id. */
export async function latestBalances(ids: readonly string[]): Promise<Map<string, LatestBalance>> {
  const rows = await latestBalancesOf(ids);
  return new Map(
    [...rows].map(([id, row]) => [
      id,
      { amount: tidy(row.amount), currency: row.currency, asOf: row.takenAt.toISOString() },
    ]),
  );
}

export function toBalanceRefresh(row: BalanceRefreshRow): BalanceRefresh {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    done: row.done,
    failed: row.failed,
    scheduled: row.requestedByStaffId === null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
