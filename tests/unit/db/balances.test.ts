import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import {
  claimRefresh,
  createRefresh,
  finishRefresh,
  getRefresh,
  orphanedRefreshIds,
  renewRefreshLease,
} from "@/lib/db/balance-refreshes";
import {
  accountIdsReadIn,
  balanceHistory,
  forgetAccountsNotReadIn,
  listLatestBalances,
  pruneSnapshots,
  recordReading,
  type BalanceReading,
} from "@/lib/db/balances";
import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { balanceRefreshes, balanceSnapshots } from "@/lib/db/schema";
import { summariseSpend } from "@/lib/balances/refresh";
import { describeEachDatabase } from "./databases";

const reading = (accountId: string, amount: string | null, rollupBilling = false): BalanceReading => ({
  accountId,
  email: `${accountId.slice(0, 8)}@example.test`,
  organizationName: "Example",
  rollupBilling,
  amount,
  currency: amount === null ? null : "USD",
  creditLimit: null,
  availableCredit: null,
});

/** The PostgreSQL test database outlives a run: end any refresh an earlier run left active. */
async function endActiveRefreshes(db: Db) {
  await db
    .update(balanceRefreshes)
    .set({ status: "failed" })
    .where(inArray(balanceRefreshes.status, ["queued", "running"]));
}

describeEachDatabase("balances", (target) => {
  it("allows one active refresh at a time and hands its lease to one driver", async () => {
    const db = target.db();
    await endActiveRefreshes(db);
    const first = await createRefresh(null, db);
    expect(first.created).toBe(true);
    const again = await createRefresh(randomUUID(), db);
    expect(again).toMatchObject({ created: false, refresh: { id: first.refresh.id } });
    expect(await claimRefresh(first.refresh.id, "a", 60_000, db)).toMatchObject({ status: "running" });
    expect(await claimRefresh(first.refresh.id, "b", 60_000, db)).toBeNull();
    expect(await renewRefreshLease(first.refresh.id, "b", 60_000, db)).toBe(false);
    expect(await orphanedRefreshIds(db)).not.toContain(first.refresh.id);
    // A lease that ran out is anyone's: the next driver resumes.
    expect(await claimRefresh(first.refresh.id, "a", -1_000, db)).not.toBeNull();
    expect(await orphanedRefreshIds(db)).toContain(first.refresh.id);
    expect(await claimRefresh(first.refresh.id, "b", 60_000, db)).not.toBeNull();
    expect(await finishRefresh(first.refresh.id, "a", "succeeded", db)).toBe(false);
    expect(await finishRefresh(first.refresh.id, "b", "succeeded", db)).toBe(true);
    expect((await getRefresh(first.refresh.id, db))?.status).toBe("succeeded");
    expect((await createRefresh(null, db)).created).toBe(true);
  });

  it("records readings once per refresh, with the latest per account and its spend", async () => {
    const db = target.db();
    await endActiveRefreshes(db);
    const { refresh } = await createRefresh(null, db);
    const spender = randomUUID();
    const rollup = randomUUID();
    await recordReading(refresh.id, reading(spender, "80.00"), 7, summariseSpend, db);
    await recordReading(refresh.id, reading(rollup, null, true), 7, summariseSpend, db);
    expect(await accountIdsReadIn(refresh.id, db)).toEqual(new Set([spender, rollup]));
    expect((await getRefresh(refresh.id, db))?.done).toBe(2);
    const { data } = await listLatestBalances(
      { sort: "balance", order: "asc", belowThreshold: false, page: 1, pageSize: 500 },
      "100.00",
      db,
    );
    const ids: string[] = [spender, rollup];
    const mine = data.filter((row) => ids.includes(row.accountId));
    expect(mine.map((row) => [row.accountId, row.amount, row.rollupBilling, row.threshold])).toEqual([
      [spender, "80.0000", false, "100.00"],
      [rollup, null, true, "100.00"],
    ]);
    const below = await listLatestBalances(
      { sort: "balance", order: "asc", belowThreshold: true, page: 1, pageSize: 500 },
      "100.00",
      db,
    );
    expect(below.data.map((row) => row.accountId)).toContain(spender);
    expect(below.data.map((row) => row.accountId)).not.toContain(rollup);
    await claimRefresh(refresh.id, "reader", 60_000, db);
    expect(await finishRefresh(refresh.id, "reader", "succeeded", db)).toBe(true);
    // The next full refresh meets only the spender: the rolled-up account left the fleet's list.
    await endActiveRefreshes(db);
    const { refresh: next } = await createRefresh(null, db);
    await recordReading(next.id, reading(spender, "70.00"), 7, summariseSpend, db);
    expect(await forgetAccountsNotReadIn(next.id, db)).toBeGreaterThanOrEqual(1);
    const after = await listLatestBalances(
      { sort: "balance", order: "asc", belowThreshold: false, page: 1, pageSize: 500 },
      "100.00",
      db,
    );
    expect(after.data.map((row) => [row.accountId, row.amount, row.spendPerDay !== null])).toEqual([
      [spender, "70.0000", true],
    ]);
  });

  it("prunes snapshots older than the cut-off and keeps the rest", async () => {
    const db = target.db();
    const accountId = randomUUID();
    const old = new Date(Date.now() - 91 * 86_400_000);
    const recent = new Date(Date.now() - 89 * 86_400_000);
    await db.insert(balanceSnapshots).values([
      { accountId, amount: "5.00", takenAt: old },
      { accountId, amount: "4.00", takenAt: recent },
    ]);
    const pruned = await pruneSnapshots(new Date(Date.now() - 90 * 86_400_000), db);
    expect(pruned).toBeGreaterThanOrEqual(1);
    const left = await balanceHistory(accountId, new Date(0), db);
    expect(left.map((row) => row.amount)).toEqual(["4.0000"]);
  });
});
