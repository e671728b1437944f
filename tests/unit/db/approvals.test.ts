import { expect, it } from "vitest";
import {
  countOtherActiveStaff,
  findPendingByHash,
  insertApproval,
  listApprovals,
  markBreakGlassReviewed,
  transitionApproval,
} from "@/lib/db/approvals";
import { insertStaff } from "@/lib/db/staff";
import { describeEachDatabase, uniqueEmail } from "./databases";

// An approval changes state in single conditional UPDATEs: two approvers at once (or a replay) move a row
// once, an expired one cannot be approved, and a break-glass row is reviewed once. PGlite and PostgreSQL.
describeEachDatabase("approvals", (target) => {
  async function newApproval(expiresInMs: number) {
    const db = target.db();
    const person = await insertStaff(
      { email: uniqueEmail("appr"), name: "A", role: "admin", passwordHash: "x" },
      db,
    );
    const row = await insertApproval(
      {
        action: "org_user.remove",
        requestJson: "{}",
        requestHash: `hash-${person.id}`,
        targetType: "org_user",
        targetId: "u1",
        targetLabel: null,
        requestedBy: person.id,
        requestedByEmail: person.email,
        reason: "test",
        expiresAt: new Date(Date.now() + expiresInMs),
      },
      db,
    );
    return { db, person, row };
  }

  it("moves pending → approved once when two approve at the same moment", async () => {
    const { db, row } = await newApproval(60_000);
    const at = new Date();
    const results = await Promise.all(
      [1, 2, 3].map(() => transitionApproval(row.id, "pending", { status: "approved" }, at, db)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await transitionApproval(row.id, "approved", { status: "executed" }, at, db)).not.toBeNull();
    expect(await transitionApproval(row.id, "approved", { status: "executed" }, at, db)).toBeNull();
  });

  it("cannot approve an expired request; it is listed as expired and no longer found to reuse", async () => {
    const { db, person, row } = await newApproval(-1_000);
    const at = new Date();
    expect(await transitionApproval(row.id, "pending", { status: "approved" }, at, db)).toBeNull();
    expect(await findPendingByHash(row.requestHash, person.id, at, db)).toBeNull();
    const expired = await listApprovals(
      { actions: ["org_user.remove"], status: "expired", page: 1, pageSize: 250, at },
      db,
    );
    expect(expired.rows.map((found) => found.id)).toContain(row.id);
    expect(await transitionApproval(row.id, "pending", { status: "expired" }, at, db)).not.toBeNull();
  });

  it("marks a break-glass row reviewed once, and counts the other active holders of a role", async () => {
    const { db, person, row } = await newApproval(60_000);
    await transitionApproval(row.id, "pending", { status: "approved", isBreakGlass: true }, new Date(), db);
    const reviewer = { id: person.id, email: person.email };
    expect(await markBreakGlassReviewed(row.id, reviewer, new Date(), db)).not.toBeNull();
    expect(await markBreakGlassReviewed(row.id, reviewer, new Date(), db)).toBeNull();
    const others = await countOtherActiveStaff(["admin"], person.id, db);
    await insertStaff({ email: uniqueEmail("appr2"), name: "B", role: "admin", passwordHash: "x" }, db);
    expect(await countOtherActiveStaff(["admin"], person.id, db)).toBe(others + 1);
  });
});
