import { expect, it } from "vitest";
import {
  claimRecoveryCode,
  claimTotpStep,
  deleteStaffMfa,
  enableMfa,
  findStaffMfa,
  savePendingSecret,
  staffIdsWithMfa,
  unusedRecoveryCodes,
} from "@/lib/db/staff-mfa";
import { insertStaff } from "@/lib/db/staff";
import { describeEachDatabase, uniqueEmail } from "./databases";

// The one-time rules of two-factor sign-in live in single conditional UPDATEs: checked here on PGlite and
// PostgreSQL, with concurrent claims, so two sign-ins racing with one code cannot both pass.
describeEachDatabase("staff MFA", (target) => {
  it("keeps a pending secret replaceable until enabled, then refuses to replace it", async () => {
    const db = target.db();
    const person = await insertStaff(
      { email: uniqueEmail("mfa"), name: "M", role: "admin", passwordHash: "x" },
      db,
    );
    expect(await savePendingSecret(person.id, "sealed-1", db)).toBe(true);
    expect(await savePendingSecret(person.id, "sealed-2", db)).toBe(true);
    expect((await findStaffMfa(person.id, db))?.secretCiphertext).toBe("sealed-2");
    const at = new Date();
    expect(await enableMfa(person.id, { step: 100, codeHashes: ["h1", "h2"], at }, db)).toBe(true);
    expect(await enableMfa(person.id, { step: 101, codeHashes: ["h3"], at }, db)).toBe(false);
    expect(await savePendingSecret(person.id, "sealed-3", db)).toBe(false);
    expect(await findStaffMfa(person.id, db)).toMatchObject({
      secretCiphertext: "sealed-2",
      lastUsedStep: 100,
    });
    expect((await staffIdsWithMfa(db)).has(person.id)).toBe(true);
  });

  it("claims each time step and each recovery code once, even when claimed concurrently", async () => {
    const db = target.db();
    const person = await insertStaff(
      { email: uniqueEmail("mfa"), name: "M", role: "viewer", passwordHash: "x" },
      db,
    );
    await savePendingSecret(person.id, "sealed", db);
    await enableMfa(person.id, { step: 100, codeHashes: ["h1", "h2"], at: new Date() }, db);
    expect(await claimTotpStep(person.id, 100, db)).toBe(false);
    const steps = await Promise.all([101, 101, 101].map((step) => claimTotpStep(person.id, step, db)));
    expect(steps.filter(Boolean)).toHaveLength(1);
    expect(await claimTotpStep(person.id, 101, db)).toBe(false);
    expect(await claimTotpStep(person.id, 102, db)).toBe(true);

    const [code] = await unusedRecoveryCodes(person.id, db);
    const claims = await Promise.all([1, 2, 3].map(() => claimRecoveryCode(code!.id, new Date(), db)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await unusedRecoveryCodes(person.id, db)).toHaveLength(1);

    expect(await deleteStaffMfa(person.id, db)).toBe(true);
    expect(await findStaffMfa(person.id, db)).toBeNull();
    expect(await unusedRecoveryCodes(person.id, db)).toHaveLength(0);
    expect(await claimTotpStep(person.id, 200, db)).toBe(false);
  });
});
