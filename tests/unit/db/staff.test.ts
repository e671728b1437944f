import { expect, it } from "vitest";
import { createAuthSession, checkAuthSession } from "@/lib/db/auth-sessions";
import {
  createStaff,
  disableStaff,
  enableStaff,
  findStaffByEmail,
  findStaffById,
  listStaff,
  setStaffPassword,
  touchLastSignIn,
  updateStaffRole,
} from "@/lib/db/staff";
import { verifyPassword } from "@/lib/auth/password";
import { describeEachDatabase, uniqueEmail } from "./databases";

const password = "correct horse battery";

describeEachDatabase("staff", (target) => {
  it("creates a person with a lowercased email and a slow hash, and finds them by any casing", async () => {
    const email = uniqueEmail("Create").toUpperCase();
    const created = await createStaff({ email, name: " Ann ", role: "support", password }, target.db());
    expect(created).toMatchObject({
      email: email.toLowerCase(),
      name: "Ann",
      role: "support",
      status: "active",
    });
    expect(created).not.toHaveProperty("passwordHash");
    const found = await findStaffByEmail(email, target.db());
    expect(found?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword(password, found!.passwordHash)).toBe(true);
    expect((await listStaff(target.db())).map((row) => row.id)).toContain(created.id);
  });

  it("refuses a second person with the same email (any casing) and a short password", async () => {
    const email = uniqueEmail("dupe");
    await createStaff({ email, name: "A", role: "viewer", password }, target.db());
    await expect(
      createStaff({ email: email.toUpperCase(), name: "B", role: "viewer", password }, target.db()),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      createStaff({ email: uniqueEmail(), name: "C", role: "viewer", password: "short" }, target.db()),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("changes roles, disables (revoking sessions) and enables, touches last sign-in", async () => {
    const db = target.db();
    await createStaff({ email: uniqueEmail("keeper"), name: "Keeper", role: "admin", password }, db);
    const person = await createStaff({ email: uniqueEmail("role"), name: "R", role: "viewer", password }, db);
    expect((await updateStaffRole(person.id, "admin", db)).role).toBe("admin");
    const at = new Date();
    const sessionId = await createAuthSession({ staffId: person.id, at }, db);
    expect((await disableStaff(person.id, db)).status).toBe("disabled");
    expect(await checkAuthSession({ sessionId, staffId: person.id }, at, { db })).toEqual({
      ok: false,
      reason: "revoked",
    });
    expect((await enableStaff(person.id, db)).status).toBe("active");
    // Re-enabling does not revive a cookie from before.
    expect((await checkAuthSession({ sessionId, staffId: person.id }, at, { db })).ok).toBe(false);
    await touchLastSignIn(person.id, at, db);
    expect((await findStaffById(person.id, db))?.lastSignInAt?.getTime()).toBe(at.getTime());
  });

  it("sets a new password and ends that person's sessions", async () => {
    const db = target.db();
    const person = await createStaff(
      { email: uniqueEmail("reset"), name: "P", role: "support", password },
      db,
    );
    const sessionId = await createAuthSession({ staffId: person.id, at: new Date() }, db);
    await setStaffPassword(person.id, "another long password", db);
    const row = await findStaffByEmail(person.email, db);
    expect(await verifyPassword("another long password", row!.passwordHash)).toBe(true);
    expect(await verifyPassword(password, row!.passwordHash)).toBe(false);
    expect((await checkAuthSession({ sessionId, staffId: person.id }, new Date(), { db })).ok).toBe(false);
  });

  it("never demotes or disables the last active admin", async () => {
    if (!target.fresh) return; // needs a database where this admin is the only one
    const db = target.db();
    const admin = await createStaff(
      { email: uniqueEmail("solo"), name: "Solo", role: "admin", password },
      db,
    );
    // The keeper admin from the earlier test is still active here, so disable them first.
    for (const row of await listStaff(db)) {
      if (row.role === "admin" && row.id !== admin.id) await disableStaff(row.id, db);
    }
    await expect(updateStaffRole(admin.id, "viewer", db)).rejects.toMatchObject({ code: "conflict" });
    await expect(disableStaff(admin.id, db)).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers not_found for an unknown id", async () => {
    await expect(
      updateStaffRole("00000000-0000-4000-8000-000000000000", "viewer", target.db()),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
