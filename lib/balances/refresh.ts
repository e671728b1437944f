// Drives one balance refresh: walks the fleet a page at a time, reads each account's balance within its
// share of Telnyx's budget, and stores it. Idempotent: it holds the refresh's lease (one driver across
// every instance) and skips accounts this refresh already read, so a driver that dies is resumed cleanly.
import "server-only";
import {
  claimRefresh,
  countRefreshFailure,
  finishRefresh,
  renewRefreshLease,
  setRefreshTotal,
} from "@/lib/db/balance-refreshes";
import { accountIdsReadIn, forgetAccountsNotReadIn, pruneSnapshots, recordReading } from "@/lib/db/balances";
import { log } from "@/lib/log";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { listFleetPage, retrieveAccountBalance } from "@/lib/telnyx/balances";
import { rateBudget } from "@/lib/telnyx/rate-budget";
import { evaluateBalanceAlerts } from "./alerts";
import { balanceMaxRps, HISTORY_DAYS } from "./config";
import { normaliseDecimal } from "./decimal";
import { daysLeft, SPEND_WINDOW_DAYS, spendPerDay } from "./spend-rate";

export const REFRESH_LEASE_MS = Number(process.env.SUBDESK_BALANCE_LEASE_MS ?? 15_000);
// A few reads in flight, so the pace (not Telnyx's latency) sets the refresh's speed.
const CONCURRENCY = 4;

const decimalOrNull = (value: string | null | undefined) => (value ? normaliseDecimal(value) : null);

/** Spend a day and days left from the window's amounts, as the decimal strings the table stores. */
export function summariseSpend(points: { amount: string; at: Date }[]) {
  const numeric = points.map((point) => ({ amount: Number(point.amount), at: point.at }));
  const perDay = spendPerDay(numeric);
  const latest = numeric.at(-1)?.amount ?? null;
  const left = daysLeft(latest, perDay);
  return {
    spendPerDay: perDay === null ? null : perDay.toFixed(4),
    daysLeft: left === null ? null : left.toFixed(2),
  };
}

async function readAccount(refreshId: string, account: ManagedAccount): Promise<void> {
  const read = await retrieveAccountBalance(account.id);
  await recordReading(
    refreshId,
    {
      accountId: read.id,
      email: read.email,
      organizationName: read.organizationName,
      rollupBilling: read.rollupBilling,
      amount: decimalOrNull(read.balance?.balance),
      currency: read.balance?.currency ?? null,
      creditLimit: decimalOrNull(read.balance?.creditLimit),
      availableCredit: decimalOrNull(read.balance?.availableCredit),
    },
    SPEND_WINDOW_DAYS,
    summariseSpend,
  );
}

/** Runs `work` over `items` with at most `limit` in flight; the first error stops taking new items. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Drives the refresh to its end, or returns when another driver has it, its lease is lost or `stop` fires. */
export async function driveRefresh(refreshId: string, owner: string, stop: AbortSignal): Promise<void> {
  const claimed = await claimRefresh(refreshId, owner, REFRESH_LEASE_MS);
  if (!claimed) return;
  log.info("balance.refresh_driving", { refreshId, owner, done: claimed.done });
  const halt = new AbortController();
  const onStop = () => halt.abort(stop.reason);
  stop.addEventListener("abort", onStop, { once: true });
  const keeper = setInterval(() => {
    void renewRefreshLease(refreshId, owner, REFRESH_LEASE_MS).then(
      (isOurs) => isOurs || halt.abort(new Error("lease lost")),
      () => undefined,
    );
  }, REFRESH_LEASE_MS / 3);
  const maxRps = balanceMaxRps();
  const paced = async () => rateBudget.acquire({ maxRps, signal: halt.signal });
  let failed = 0;
  try {
    const alreadyRead = await accountIdsReadIn(refreshId);
    for (let page = 1, totalPages = 1; page <= totalPages; page += 1) {
      await paced();
      const fleet = await listFleetPage(page);
      if (page === 1) await setRefreshTotal(refreshId, fleet.meta.totalResults);
      totalPages = fleet.meta.totalPages;
      const left = fleet.data.filter((account) => !alreadyRead.has(account.id));
      await eachLimited(left, CONCURRENCY, async (account) => {
        await paced();
        try {
          await readAccount(refreshId, account);
        } catch (error) {
          if (halt.signal.aborted) throw error;
          failed += 1;
          await countRefreshFailure(refreshId);
          log.warn("balance.read_failed", { accountId: account.id, detail: String(error) });
        }
      });
    }
    const isFinished = await finishRefresh(refreshId, owner, failed === 0 ? "succeeded" : "partial");
    if (!isFinished) return;
    // Only a refresh that read everyone knows who left the fleet.
    if (failed === 0) await forgetAccountsNotReadIn(refreshId);
    await pruneSnapshots(new Date(Date.now() - HISTORY_DAYS * 86_400_000));
    await evaluateBalanceAlerts(refreshId);
  } catch (error) {
    // Stopping or a lost lease: the refresh stays running and is resumed by the next driver.
    if (halt.signal.aborted) return;
    log.error("balance.refresh_failed", { refreshId, detail: String(error) });
    await finishRefresh(refreshId, owner, "failed").catch(() => undefined);
  } finally {
    clearInterval(keeper);
    stop.removeEventListener("abort", onStop);
  }
}
