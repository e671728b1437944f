import { expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/connection";
import { createSavedView, deleteSavedView, findSavedView, listSavedViews } from "@/lib/db/saved-views";
import { savedViews } from "@/lib/db/schema";
import { insertStaff } from "@/lib/db/staff";
import { createSavedViewBodySchema, maxSavedViewsPerPerson } from "@/lib/schemas/saved-views";
import { describeEachDatabase, uniqueEmail } from "./databases";

async function person(db: Db, role: Role = "support") {
  const row = await insertStaff(
    { email: uniqueEmail("views"), name: `View ${role}`, role, passwordHash: "x" },
    db,
  );
  return { staffId: row.id, role };
}

// Other tests' shared views are visible too (the PostgreSQL database is shared): look at one's own.
const ownViews = async (viewer: { staffId: string; role: Role }, db: Db) =>
  (await listSavedViews(viewer, undefined, db)).filter((view) => view.isMine);

const body = (input: Record<string, unknown>) =>
  createSavedViewBodySchema.parse({ list: "accounts", query: {}, ...input });

describeEachDatabase("saved views", (target) => {
  it("lists a person's own views and the shared ones, never another person's personal view", async () => {
    const db = target.db();
    const [ann, bob] = [await person(db), await person(db, "viewer")];
    const own = await createSavedView(
      ann,
      body({ name: "Acme", query: { email: "acme", pageSize: 50 } }),
      db,
    );
    await createSavedView(
      ann,
      body({ name: "Team", shared: true, list: "users", query: { status: "enabled" } }),
      db,
    );
    await createSavedView(bob, body({ name: "Bob's own" }), db);

    expect(own).toMatchObject({ isMine: true, canDelete: true, shared: false, ownerName: "View support" });
    expect(own.query).toMatchObject({ email: "acme", pageSize: 50, sort: "-created_at" });
    const seenByBob = await listSavedViews(bob, undefined, db);
    const names = seenByBob.map((view) => view.name);
    expect(names).toContain("Team");
    expect(names).toContain("Bob's own");
    expect(names).not.toContain("Acme");
    expect(seenByBob.find((view) => view.name === "Team")).toMatchObject({ isMine: false, canDelete: false });
    expect((await listSavedViews(bob, "accounts", db)).map((view) => view.name)).not.toContain("Team");
    await expect(findSavedView(bob, own.id, db)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses a second view of the same name (any case) for one list, but not for the other list", async () => {
    const db = target.db();
    const ann = await person(db);
    await createSavedView(ann, body({ name: "Dormant" }), db);
    await expect(createSavedView(ann, body({ name: "DORMANT" }), db)).rejects.toMatchObject({
      code: "conflict",
      fields: { name: expect.any(String) },
    });
    await createSavedView(ann, body({ name: "Dormant", list: "users" }), db);
  });

  it(`keeps at most ${maxSavedViewsPerPerson} views per person, even when saved at once`, async () => {
    const db = target.db();
    const ann = await person(db);
    const saves = Array.from({ length: maxSavedViewsPerPerson + 5 }, (_, index) =>
      createSavedView(ann, body({ name: `View ${index}` }), db),
    );
    const results = await Promise.allSettled(saves);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(maxSavedViewsPerPerson);
    expect((await ownViews(ann, db)).length).toBe(maxSavedViewsPerPerson);
  });

  it("lets the owner delete, and an admin delete a shared view but not see a personal one", async () => {
    const db = target.db();
    const [ann, admin, carl] = [await person(db), await person(db, "admin"), await person(db)];
    const shared = await createSavedView(ann, body({ name: "Shared", shared: true }), db);
    const personal = await createSavedView(ann, body({ name: "Mine" }), db);

    const sharedForCarl = await findSavedView(carl, shared.id, db);
    await expect(deleteSavedView(sharedForCarl, db)).rejects.toMatchObject({ code: "forbidden" });
    await expect(findSavedView(admin, personal.id, db)).rejects.toMatchObject({ code: "not_found" });
    await deleteSavedView(await findSavedView(admin, shared.id, db), db);
    await deleteSavedView(await findSavedView(ann, personal.id, db), db);
    expect(await ownViews(ann, db)).toEqual([]);
  });

  it("checks a stored query again on the way out and leaves out one the list no longer accepts", async () => {
    const db = target.db();
    const ann = await person(db);
    await db
      .insert(savedViews)
      .values({ ownerStaffId: ann.staffId, list: "accounts", name: "Old", query: { pageSize: 7 } });
    await createSavedView(ann, body({ name: "Fine" }), db);
    expect((await ownViews(ann, db)).map((view) => view.name)).toEqual(["Fine"]);
  });
});
