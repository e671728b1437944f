// The session and balance reads kept in the process (PGlite only): every write through our functions makes
// the very next read answer as the database does, on PGlite (kept rows) and PostgreSQL (no cache) alike.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import {
  checkAuthSession,
  createAuthSession,
  MAX_SESSIONS_PER_PERSON,
  revokeAuthSession,
  writingSessions,
} from "@/lib/db/auth-sessions";
import { forgetAccountsNotReadIn, latestBalancesOf, recordReading } from "@/lib/db/balances";
import { isProcessLocal, localReadCache } from "@/lib/db/local-read-cache";
import { authSessions, staff } from "@/lib/db/schema";
import { markSessionMfaEnrolled } from "@/lib/db/session-factors";
import { createStaff, disableStaff, updateStaffRole } from "@/lib/db/staff";
import { summariseSpend } from "@/lib/balances/refresh";
import { describeEachDatabase, uniqueEmail } from "./databases";

const password = "a long enough password";

describeEachDatabase("read cache", (target) => {
  async function signedIn(role: "admin" | "support" | "viewer" = "viewer") {
    const db = target.db();
    const person = await createStaff({ email: uniqueEmail("cache"), name: "C", role, password }, db);
    const at = new Date();
    const sessionId = await createAuthSession({ staffId: person.id, at }, db);
    const claims = { sessionId, staffId: person.id };
    const check = () => checkAuthSession(claims, new Date(), { db, touch: true });
    // The first check reads the row (and keeps it on PGlite); the tests below look at the next one.
    expect((await check()).ok).toBe(true);
    return { db, person, claims, check };
  }

  it("is used on PGlite only: a write that bypassed writingSessions is not seen there (why every write goes through it)", async () => {
    const { db, claims, check } = await signedIn();
    expect(isProcessLocal(db)).toBe(target.driver === "pglite");
    await db.update(authSessions).set({ revokedAt: new Date() }).where(eq(authSessions.id, claims.sessionId));
    expect((await check()).ok).toBe(target.driver === "pglite");
    await writingSessions(async () => {});
    expect(await check()).toEqual({ ok: false, reason: "revoked" });
  });

  it("sign-out: the next check is refused", async () => {
    const { db, claims, check } = await signedIn();
    await revokeAuthSession(claims.sessionId, db);
    expect(await check()).toEqual({ ok: false, reason: "revoked" });
  });

  it("a role change shows at the next check, and disabling refuses it", async () => {
    const { db, person, check } = await signedIn("viewer");
    await updateStaffRole(person.id, "support", db);
    expect(await check()).toMatchObject({ ok: true, session: { role: "support" } });
    await disableStaff(person.id, db);
    expect((await check()).ok).toBe(false);
  });

  it("a person disabled through writingSessions (any column the check reads) is refused", async () => {
    const { db, person, check } = await signedIn();
    await writingSessions(() => db.update(staff).set({ status: "disabled" }).where(eq(staff.id, person.id)));
    expect(await check()).toEqual({ ok: false, reason: "disabled" });
  });

  it("an 11th sign-in ends the oldest session at its next check", async () => {
    const { db, person, check } = await signedIn();
    for (let index = 0; index < MAX_SESSIONS_PER_PERSON; index += 1) {
      await createAuthSession({ staffId: person.id, at: new Date(Date.now() + 1_000 + index) }, db);
    }
    expect(await check()).toEqual({ ok: false, reason: "revoked" });
  });

  it("MFA enrolment lifts the enrolment-only limit at the next check", async () => {
    const db = target.db();
    const person = await createStaff({ email: uniqueEmail("mfa"), name: "M", role: "viewer", password }, db);
    const sessionId = await createAuthSession(
      {
        staffId: person.id,
        at: new Date(),
        authentication: { method: "password", mfaEnrolmentRequired: true },
      },
      db,
    );
    const check = () => checkAuthSession({ sessionId, staffId: person.id }, new Date(), { db });
    expect(await check()).toMatchObject({ ok: true, session: { mfaEnrolmentRequired: true } });
    await markSessionMfaEnrolled(sessionId, db);
    const after = await check();
    expect(after.ok && after.session.mfaEnrolmentRequired).toBeFalsy();
  });

  it("a check read while a revocation runs is not kept for the next one", async () => {
    const { db, claims, check } = await signedIn();
    await writingSessions(async () => {});
    // The read starts before the revocation and lands after it began: its answer must not be served later.
    const during = check();
    await revokeAuthSession(claims.sessionId, db);
    await during;
    expect(await check()).toEqual({ ok: false, reason: "revoked" });
  });

  it("the accounts list's balances follow each reading and the fleet's forgetting", async () => {
    const db = target.db();
    const accountId = randomUUID();
    const unknown = randomUUID();
    const reading = (amount: string) => ({
      accountId,
      email: "cache@example.test",
      organizationName: "Cache",
      rollupBilling: false,
      amount,
      currency: "USD",
      creditLimit: null,
      availableCredit: null,
    });
    expect((await latestBalancesOf([accountId, unknown], db)).size).toBe(0);
    await recordReading(null, reading("10.00"), 7, summariseSpend, db);
    const first = (await latestBalancesOf([accountId, unknown], db)).get(accountId);
    expect(first).toMatchObject({ accountId, amount: "10.0000", currency: "USD" });
    expect(Math.abs(first!.takenAt.getTime() - Date.now())).toBeLessThan(60_000);
    await recordReading(null, reading("7.50"), 7, summariseSpend, db);
    expect((await latestBalancesOf([accountId], db)).get(accountId)?.amount).toBe("7.5000");
    // A refresh that met no one: every account without its id leaves the list (PostgreSQL's shared table
    // holds other tests' rows, which go too; they are recreated by their own tests).
    if (target.fresh) {
      await forgetAccountsNotReadIn(randomUUID(), db);
      expect((await latestBalancesOf([accountId], db)).size).toBe(0);
    }
  });
});

it("keeps at most maxEntries, for at most maxAgeMs, and nothing read before a write", async () => {
  const db = { $client: { dumpDataDir: () => undefined } } as never;
  const cache = localReadCache<number>(`test-${randomUUID()}`, { maxEntries: 2, maxAgeMs: 1_000 });
  cache.set(db, "a", 1, cache.generation(), 0);
  cache.set(db, "b", 2, cache.generation(), 0);
  cache.set(db, "c", 3, cache.generation(), 0);
  expect([cache.get(db, "a", 10), cache.get(db, "b", 10), cache.get(db, "c", 10)]).toEqual([undefined, 2, 3]);
  expect(cache.get(db, "b", 1_001)).toBeUndefined();
  const before = cache.generation();
  await cache.writing(async () => {
    cache.set(db, "d", 4, before, 0);
  });
  cache.set(db, "e", 5, before, 0);
  expect([cache.get(db, "c", 10), cache.get(db, "d", 10), cache.get(db, "e", 10)]).toEqual([
    undefined,
    undefined,
    undefined,
  ]);
});
