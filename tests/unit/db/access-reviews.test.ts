import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import {
  allAccessReviewItems,
  claimRemovals,
  closeAccessReview,
  decideAccessReviewItems,
  getAccessReviewOrThrow,
  insertAccessReview,
  listAccessReviewItems,
  settleRemovalClaim,
} from "@/lib/db/access-reviews";
import type { Db } from "@/lib/db/connection";
import { insertStaff } from "@/lib/db/staff";
import { describeEachDatabase, uniqueEmail } from "./databases";

async function owner(db: Db) {
  const row = await insertStaff(
    { email: uniqueEmail("review"), name: "Review Owner", role: "support", passwordHash: "x" },
    db,
  );
  return { staffId: row.id, email: row.email };
}

const people = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    orgUserId: randomUUID(),
    email: `person-${index}-${randomUUID().slice(0, 6)}@example.test`,
    flags: index % 2 ? (["dormant"] as const) : (["never_signed_in", "bypasses_sso"] as const),
  })).map((item) => ({ ...item, flags: [...item.flags] }));

const query = { page: 1, pageSize: 50 };

describeEachDatabase("access reviews", (target) => {
  it("freezes the items in order and counts decisions; closes itself once all are decided", async () => {
    const db = target.db();
    const me = await owner(db);
    const items = people(3);
    const review = await insertAccessReview(
      { name: "Q4", dueDate: "2020-01-01", ownerStaffId: me.staffId, items },
      db,
    );
    expect(review).toMatchObject({
      status: "open",
      total: 3,
      decided: 0,
      overdue: true,
      ownerName: "Review Owner",
    });
    const listed = await listAccessReviewItems(review.id, query, db);
    expect(listed.rows.map((row) => row.email)).toEqual(items.map((item) => item.email));

    const first = await decideAccessReviewItems(
      review.id,
      { itemIds: [items[0]!.orgUserId], decision: "keep", reason: "on call", decider: me },
      db,
    );
    expect(first).toEqual({ emails: [items[0]!.email], closed: false });
    const rest = await decideAccessReviewItems(
      review.id,
      { itemIds: [items[1]!.orgUserId, items[2]!.orgUserId], decision: "remove", decider: me },
      db,
    );
    expect(rest.closed).toBe(true);
    const after = await getAccessReviewOrThrow(review.id, db);
    expect(after).toMatchObject({
      status: "closed",
      decided: 3,
      kept: 1,
      removals: 2,
      removalsPending: 2,
      overdue: false,
    });
    await expect(
      decideAccessReviewItems(
        review.id,
        { itemIds: [items[0]!.orgUserId], decision: "remove", decider: me },
        db,
      ),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses ids outside the review, ties a removal job once, and closes with the undecided named", async () => {
    const db = target.db();
    const me = await owner(db);
    const items = people(4);
    const review = await insertAccessReview(
      { name: "Q1", dueDate: "2099-01-01", ownerStaffId: me.staffId, items },
      db,
    );
    await expect(
      decideAccessReviewItems(review.id, { itemIds: ["elsewhere"], decision: "remove", decider: me }, db),
    ).rejects.toMatchObject({ code: "validation_failed", fields: { itemIds: expect.any(String) } });
    await decideAccessReviewItems(
      review.id,
      { itemIds: [items[0]!.orgUserId, items[1]!.orgUserId], decision: "remove", decider: me },
      db,
    );
    const claims = [randomUUID(), randomUUID()];
    const results = await Promise.all(claims.map((claim) => claimRemovals(review.id, claim, db)));
    // Two runs at once: one takes both people, the other finds no one.
    expect(results.map((rows) => rows.length).sort()).toEqual([0, 2]);
    const winner = results[0]!.length === 2 ? 0 : 1;
    expect(results[winner]!.map((row) => row.orgUserId)).toEqual([items[0]!.orgUserId, items[1]!.orgUserId]);
    // A refused job releases its claim; the people can be claimed again, then tied to the job.
    expect(await settleRemovalClaim(review.id, claims[winner]!, null, db)).toBe(2);
    const again = randomUUID();
    expect(await claimRemovals(review.id, again, db)).toHaveLength(2);
    expect(await settleRemovalClaim(review.id, again, randomUUID(), db)).toBe(2);
    expect(await claimRemovals(review.id, randomUUID(), db)).toEqual([]);
    await expect(
      decideAccessReviewItems(
        review.id,
        { itemIds: [items[0]!.orgUserId], decision: "keep", reason: "changed mind", decider: me },
        db,
      ),
    ).rejects.toMatchObject({ code: "conflict" });

    const { undecided } = await closeAccessReview(review.id, me.staffId, db);
    expect(undecided).toEqual([items[2]!.email, items[3]!.email]);
    await expect(closeAccessReview(review.id, me.staffId, db)).rejects.toMatchObject({ code: "conflict" });
    const all = await allAccessReviewItems(review.id, db);
    expect(all.map((item) => item.decision)).toEqual(["remove", "remove", null, null]);
    expect(all[0]).toMatchObject({ decidedBy: me.email, removal: null, jobId: expect.any(String) });
  });
});
