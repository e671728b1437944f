// The overview's charts as plain figures, computed on the server from our tables (balances, audit) and,
// for account creation, a cached read of Telnyx's newest accounts.
import "server-only";
import { toTenThousandths } from "@/lib/balances/decimal";
import { auditRowsPerDay, latestBalanceRows, type BalanceRow } from "@/lib/db/overview";
import { listAccountCreationTimes } from "@/lib/telnyx/recent-accounts";

export interface Bucket {
  label: string;
  /** The range's lower edge, short enough for the chart's axis ("< 0", "50", "2.5k+"). */
  axisLabel: string;
  count: number;
  isBelowThreshold: boolean;
}

const asNumber = (decimal: string) => Number(toTenThousandths(decimal) ?? BigInt(0)) / 10_000;
const compact = (value: number) =>
  value >= 1000 ? `${Number((value / 1000).toFixed(1))}k` : String(Number(value.toFixed(2)));

/** Counts per balance range; the ranges scale with the default threshold (1, 2, 5, 10, 20, 50 times it). */
export function balanceBuckets(amounts: number[], threshold: number): Bucket[] {
  const unit = threshold > 0 ? threshold : 50;
  const edges = [0, unit, 2 * unit, 5 * unit, 10 * unit, 20 * unit, 50 * unit];
  const buckets: Bucket[] = [
    { label: "< 0", axisLabel: "< 0", count: 0, isBelowThreshold: true },
    ...edges.map((edge, index) => ({
      label:
        index === edges.length - 1
          ? `${compact(edge)}+`
          : `${compact(edge)}–${compact(edges[index + 1] ?? 0)}`,
      axisLabel: index === edges.length - 1 ? `${compact(edge)}+` : compact(edge),
      count: 0,
      isBelowThreshold: edge < threshold,
    })),
  ];
  for (const amount of amounts) {
    const index = amount < 0 ? 0 : edges.findLastIndex((edge) => amount >= edge) + 1;
    const bucket = buckets[index];
    if (bucket) bucket.count++;
  }
  return buckets;
}

export interface BalanceOverview {
  rows: BalanceRow[];
  buckets: Bucket[];
  lowest: { label: string; amount: number; shown: string; isBelow: boolean; accountId: string }[];
  currency: string;
}

export async function balanceOverview(defaultThreshold: string): Promise<BalanceOverview> {
  const rows = await latestBalanceRows(defaultThreshold);
  const currencies = new Set(rows.map((row) => row.currency ?? "USD"));
  return {
    rows,
    buckets: balanceBuckets(
      rows.map((row) => asNumber(row.amount)),
      asNumber(defaultThreshold),
    ),
    lowest: rows.slice(0, 10).map((row) => ({
      accountId: row.accountId,
      label: row.label,
      amount: asNumber(row.amount),
      shown: asNumber(row.amount).toFixed(2),
      isBelow: asNumber(row.amount) < asNumber(row.threshold),
    })),
    currency: currencies.size === 1 ? [...currencies][0]! : "mixed currencies",
  };
}

/** The last `count` months as YYYY-MM (UTC), oldest first. */
export function lastMonths(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

const CREATED_CACHE_MS = 10 * 60_000;
const cacheKey = Symbol.for("subdesk.overview.accountsCreated");
type Cache = {
  at: number;
  value: Promise<{ months: { month: string; count: number }[]; isComplete: boolean }>;
};
const holder = globalThis as typeof globalThis & { [cacheKey]?: Cache };

/**
 * Accounts created in each of the last 12 months. Telnyx has no count by date, so the newest accounts are
 * paged (up to 1,000) and the answer kept for 10 minutes: the overview is opened often, the months move slowly.
 */
export function accountsCreatedPerMonth(now = new Date()) {
  const cached = holder[cacheKey];
  if (cached && now.getTime() - cached.at < CREATED_CACHE_MS) return cached.value;
  const months = lastMonths(now, 12);
  const value = listAccountCreationTimes(new Date(`${months[0]}-01T00:00:00Z`), 4).then(
    ({ times, isComplete }) => {
      const counts = new Map(months.map((month) => [month, 0]));
      for (const time of times) {
        const month = time.toISOString().slice(0, 7);
        if (counts.has(month)) counts.set(month, (counts.get(month) ?? 0) + 1);
      }
      return { months: months.map((month) => ({ month, count: counts.get(month) ?? 0 })), isComplete };
    },
  );
  holder[cacheKey] = { at: now.getTime(), value };
  // A failed read is not kept: the next visit asks again.
  value.catch(() => {
    if (holder[cacheKey]?.value === value) delete holder[cacheKey];
  });
  return value;
}

/** Audit rows per day over the last 14 days (UTC), zero days included. */
export async function activityPerDay(now = new Date()) {
  const days = Array.from({ length: 14 }, (_, index) =>
    new Date(now.getTime() - (13 - index) * 86_400_000).toISOString().slice(0, 10),
  );
  const counts = new Map(
    (await auditRowsPerDay(new Date(`${days[0]}T00:00:00Z`))).map((row) => [row.day, row.count]),
  );
  return days.map((day) => ({ day, count: counts.get(day) ?? 0 }));
}
