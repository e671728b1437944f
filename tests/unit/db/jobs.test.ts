import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import {
  cancelPendingItems,
  claimJob,
  failedItemTargets,
  finishJob,
  finishJobItem,
  getJob,
  insertJob,
  listJobItems,
  markItemRunning,
  nextJobItems,
  releaseLease,
  renewLease,
  requestCancel,
} from "@/lib/db/jobs";
import { describeEachDatabase } from "./databases";

const creator = { id: randomUUID(), email: "lead@example.test", role: "admin" };
const targets = (count: number) => Array.from({ length: count }, () => ({ id: randomUUID() }));

describeEachDatabase("bulk jobs", (target) => {
  it("freezes the targets in order and counts each item once, whatever is delivered twice", async () => {
    const db = target.db();
    const job = await insertJob(
      { action: "account.disable", params: {}, reason: "offboarding", creator, targets: targets(3) },
      db,
    );
    expect(job).toMatchObject({ status: "queued", total: 3, done: 0 });
    const [first] = await nextJobItems(job.id, 2, undefined, db);
    expect(first?.position).toBe(0);
    await markItemRunning(job.id, 0, null, db);
    expect(await finishJobItem(job.id, 0, "done", { label: "a@example.test" }, db)).toBe(true);
    // A second driver finishing the same item changes nothing and counts nothing.
    expect(await finishJobItem(job.id, 0, "done", {}, db)).toBe(false);
    await finishJobItem(job.id, 1, "failed", { errorCode: "not_found", errorMessage: "gone" }, db);
    await finishJobItem(job.id, 2, "skipped", {}, db);
    const counted = await getJob(job.id, db);
    expect(counted).toMatchObject({ done: 1, failed: 1, skipped: 1, cancelled: 0 });
    expect(await failedItemTargets(job.id, db)).toEqual([
      { id: (await listJobItems(job.id, { page: 1, pageSize: 5 }, db)).rows[1]!.targetId },
    ]);
    expect(await finishJob(job.id, null, db)).toMatchObject({ status: "partial" });
    // An ended job cannot be claimed or cancelled.
    expect(await claimJob(job.id, "late", 10_000, db)).toBeNull();
    expect(await requestCancel(job.id, db)).toBeNull();
  });

  it("gives a job to one driver at a time: a second claim waits for the lease to end or be let go", async () => {
    const db = target.db();
    const job = await insertJob(
      { action: "account.enable", params: {}, reason: "back on", creator, targets: targets(2) },
      db,
    );
    const [a, b] = await Promise.all([claimJob(job.id, "A", 10_000, db), claimJob(job.id, "B", 10_000, db)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const owner = a ? "A" : "B";
    const other = a ? "B" : "A";
    expect(await renewLease(job.id, other, 10_000, db)).toBeNull();
    expect(await renewLease(job.id, owner, 10_000, db)).toEqual({ cancelRequested: false });
    await releaseLease(job.id, owner, db);
    expect(await claimJob(job.id, other, 50, db)).toMatchObject({ leaseOwner: other, status: "running" });
    // A lease that ran out (its driver died) is taken over.
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await claimJob(job.id, owner, 10_000, db)).toMatchObject({ leaseOwner: owner });
  });

  it("cancels what has not started and ends as cancelled", async () => {
    const db = target.db();
    const job = await insertJob(
      {
        action: "account.pricing",
        params: { allowCustomPricing: true },
        reason: "pricing",
        creator,
        targets: targets(4),
      },
      db,
    );
    await finishJobItem(job.id, 0, "done", {}, db);
    expect(await requestCancel(job.id, db)).toMatchObject({ cancelRequested: true });
    expect(await cancelPendingItems(job.id, db)).toBe(3);
    expect(await finishJob(job.id, null, db)).toMatchObject({ status: "cancelled", done: 1, cancelled: 3 });
  });

  it("stores a job larger than one insert batch, every target in order", async () => {
    const db = target.db();
    const job = await insertJob(
      { action: "account.disable", params: {}, reason: "big one", creator, targets: targets(4_500) },
      db,
    );
    const page = await listJobItems(job.id, { page: 18, pageSize: 250 }, db);
    expect(page.totalResults).toBe(4_500);
    expect(page.rows.at(-1)?.position).toBe(4_499);
  }, 60_000);
});
