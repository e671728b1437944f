import { expect, it } from "vitest";
import {
  ABSOLUTE_LIFETIME_MS,
  IDLE_TIMEOUT_MS,
  MAX_SESSIONS_PER_PERSON,
  checkAuthSession,
  createAuthSession,
  revokeAuthSession,
} from "@/lib/db/auth-sessions";
import { createStaff, disableStaff } from "@/lib/db/staff";
import { describeEachDatabase, uniqueEmail } from "./databases";

const minute = 60_000;

describeEachDatabase("session rows", (target) => {
  async function newSession() {
    const db = target.db();
    const person = await createStaff(
      { email: uniqueEmail("session"), name: "S", role: "viewer", password: "a long enough password" },
      db,
    );
    const start = new Date();
    const sessionId = await createAuthSession(
      { staffId: person.id, ip: "203.0.113.1", userAgent: "vitest", at: start },
      db,
    );
    return { db, person, start, claims: { sessionId, staffId: person.id } };
  }
  const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

  it("holds while active, touching at most once a minute, and ends after 30 idle minutes", async () => {
    const { db, person, start, claims } = await newSession();
    const first = await checkAuthSession(claims, at(start, 20 * minute), { touch: true, db });
    expect(first).toEqual({
      ok: true,
      session: {
        staffId: person.id,
        email: person.email,
        name: "S",
        role: "viewer",
        sessionId: claims.sessionId,
      },
    });
    // Touched at +20 min, so +45 is 25 idle minutes: still fine; +76 is 31 idle minutes after that touch at +45.
    expect((await checkAuthSession(claims, at(start, 45 * minute), { touch: true, db })).ok).toBe(true);
    expect(await checkAuthSession(claims, at(start, 45 * minute + IDLE_TIMEOUT_MS + 1000), { db })).toEqual({
      ok: false,
      reason: "idle",
    });
  });

  it("ends 12 hours after sign-in however active", async () => {
    const { db, start, claims } = await newSession();
    for (let elapsed = 25 * minute; elapsed < ABSOLUTE_LIFETIME_MS; elapsed += 25 * minute) {
      expect((await checkAuthSession(claims, at(start, elapsed), { touch: true, db })).ok).toBe(true);
    }
    expect(
      await checkAuthSession(claims, at(start, ABSOLUTE_LIFETIME_MS + 1000), { touch: true, db }),
    ).toEqual({ ok: false, reason: "expired" });
  });

  it("ends on sign-out (revoked), for a disabled person, and for a token naming someone else", async () => {
    const revoked = await newSession();
    await revokeAuthSession(revoked.claims.sessionId, revoked.db);
    expect(await checkAuthSession(revoked.claims, revoked.start, { db: revoked.db })).toEqual({
      ok: false,
      reason: "revoked",
    });

    const keeper = await newSession();
    const disabled = await newSession();
    await createStaff(
      { email: uniqueEmail("admin"), name: "A", role: "admin", password: "a long enough password" },
      disabled.db,
    );
    await disableStaff(disabled.person.id, disabled.db);
    expect((await checkAuthSession(disabled.claims, disabled.start, { db: disabled.db })).ok).toBe(false);

    const forged = { sessionId: keeper.claims.sessionId, staffId: disabled.person.id };
    expect(await checkAuthSession(forged, keeper.start, { db: keeper.db })).toEqual({
      ok: false,
      reason: "missing",
    });
  });

  it("keeps at most ten live sessions per person: the 11th and 12th sign-in end the two oldest", async () => {
    const { db, person, start, claims } = await newSession();
    const later: string[] = [];
    for (let index = 1; index <= MAX_SESSIONS_PER_PERSON + 1; index += 1) {
      later.push(
        await createAuthSession(
          { staffId: person.id, userAgent: `vitest ${index}`, at: at(start, index * 1000) },
          db,
        ),
      );
    }
    const now = at(start, 60_000);
    const alive = async (sessionId: string) =>
      (await checkAuthSession({ sessionId, staffId: person.id }, now, { db })).ok;
    expect(await alive(claims.sessionId)).toBe(false);
    expect(await alive(later[0]!)).toBe(false);
    for (const sessionId of later.slice(1)) expect(await alive(sessionId)).toBe(true);
    // Someone else's sessions are untouched.
    const other = await newSession();
    expect((await checkAuthSession(other.claims, at(other.start, 1000), { db })).ok).toBe(true);
  });
});
