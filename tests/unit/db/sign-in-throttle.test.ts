import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { consumeSignInAttempt, SIGN_IN_LIMITS, type SignInTicket } from "@/lib/db/sign-in-throttle";
import { describeEachDatabase, uniqueEmail } from "./databases";

const address = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

describeEachDatabase("sign-in throttle", (target) => {
  const attempt = (email: string, ip: string, deviceId?: string) =>
    consumeSignInAttempt({ email, ip, deviceId }, target.db());
  const fail = async (count: number, next: () => Promise<SignInTicket>) => {
    for (let index = 0; index < count; index += 1) expect((await next()).allowed).toBe(true);
  };

  it("gives one address ten guesses at one email; the same email from elsewhere still gets in", async () => {
    const email = uniqueEmail("pair");
    const ip = address();
    await fail(SIGN_IN_LIMITS.perEmailAndAddress, () => attempt(email, ip));
    const refused = await attempt(email.toUpperCase(), ip);
    expect(refused).toMatchObject({ allowed: false, limit: "perEmailAndAddress" });
    expect(refused.allowed === false && refused.retryAfter).toBeGreaterThan(14 * 60);
    // The person themself, from their own address: not locked out by the guesser.
    expect((await attempt(email, address())).allowed).toBe(true);
  });

  it("lets an office behind one address keep working: the per-address limit is ten times the pair's", async () => {
    const ip = address();
    // 50 colleagues behind one NAT, each mistyping once and then signing in; then 50 more typos that day.
    for (let person = 0; person < 50; person += 1) {
      const email = uniqueEmail("office");
      await fail(1, () => attempt(email, ip));
      const right = await attempt(email, ip);
      if (right.allowed) await right.release();
      expect(right.allowed).toBe(true);
    }
    await fail(SIGN_IN_LIMITS.perAddress - 50, () => attempt(uniqueEmail("typo"), ip));
    // Only a sprayer trying the 101st failure from that address in the window waits.
    expect(await attempt(uniqueEmail("sprayed"), ip)).toMatchObject({ allowed: false, limit: "perAddress" });
  });

  it("counts a browser that signed in before apart: guessing from anywhere does not lock it out", async () => {
    const email = uniqueEmail("device");
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail; index += 1) {
      expect((await attempt(email, address())).allowed).toBe(true);
    }
    expect(await attempt(email, address())).toMatchObject({ allowed: false, limit: "perEmail" });
    const device = randomUUID();
    expect((await attempt(email, address(), device)).allowed).toBe(true);
    // The device's own count is its own: ten wrong passwords from it, then it waits too.
    await fail(SIGN_IN_LIMITS.perDevice - 1, () => attempt(email, address(), device));
    expect(await attempt(email, address(), device)).toMatchObject({ allowed: false, limit: "perDevice" });
  });

  it("counts and checks in one step: of 60 concurrent guesses exactly ten get through", async () => {
    const email = uniqueEmail("burst");
    const ip = address();
    const tickets = await Promise.all(Array.from({ length: 60 }, () => attempt(email, ip)));
    expect(tickets.filter((ticket) => ticket.allowed)).toHaveLength(SIGN_IN_LIMITS.perEmailAndAddress);
    // The 50 refused attempts checked no password, so they count nowhere else: 20 more from elsewhere pass.
    await fail(SIGN_IN_LIMITS.perEmail - SIGN_IN_LIMITS.perEmailAndAddress, () => attempt(email, address()));
    expect((await attempt(email, address())).allowed).toBe(false);
  });

  it("forgives the pair's failures after a correct password, and stores no email in the clear", async () => {
    const email = uniqueEmail("forgiven");
    const ip = address();
    await fail(SIGN_IN_LIMITS.perEmailAndAddress - 1, () => attempt(email, ip));
    const right = await attempt(email, ip);
    if (!right.allowed) throw new Error("the tenth attempt should pass");
    await right.release();
    await fail(SIGN_IN_LIMITS.perEmailAndAddress, () => attempt(email, ip));
    const keys = (await target.db().execute(sql`select key from sign_in_limits`)) as unknown as {
      rows: { key: string }[];
    };
    expect(keys.rows.length).toBeGreaterThan(0);
    expect(keys.rows.some((row) => row.key.includes("@") || row.key.includes(ip))).toBe(false);
  });
});
