import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "@/lib/db/sign-in-throttle";
import { describeEachDatabase, uniqueEmail } from "./databases";

const minute = 60_000;
const address = () => `198.51.100.${randomUUID().slice(0, 6)}`;

describeEachDatabase("sign-in throttle", (target) => {
  it("refuses after ten failures for one email within 15 minutes, until the oldest ages out", async () => {
    const db = target.db();
    const email = uniqueEmail("throttle");
    const start = new Date();
    for (let index = 0; index < 9; index += 1) {
      await recordSignInFailure(email, address(), new Date(start.getTime() + index * minute), db);
    }
    const tenthAt = new Date(start.getTime() + 9 * minute);
    expect(await checkSignInThrottle(email, address(), tenthAt, db)).toEqual({ limited: false });
    await recordSignInFailure(email, address(), tenthAt, db);
    // The 11th attempt: refused, for as long as it takes the first failure to leave the window.
    expect(await checkSignInThrottle(email.toUpperCase(), address(), tenthAt, db)).toEqual({
      limited: true,
      retryAfter: 6 * 60,
    });
    expect(
      await checkSignInThrottle(email, address(), new Date(start.getTime() + 15 * minute + 1000), db),
    ).toEqual({ limited: false });
    // Someone else, from elsewhere, is not affected.
    expect(await checkSignInThrottle(uniqueEmail("other"), address(), tenthAt, db)).toEqual({
      limited: false,
    });
  });

  it("counts per client address across emails too", async () => {
    const db = target.db();
    const ip = address();
    const at = new Date();
    for (let index = 0; index < 10; index += 1) await recordSignInFailure(uniqueEmail("spray"), ip, at, db);
    expect(await checkSignInThrottle(uniqueEmail("next"), ip, at, db)).toEqual({
      limited: true,
      retryAfter: 15 * 60,
    });
    expect(await checkSignInThrottle(uniqueEmail("next"), address(), at, db)).toEqual({ limited: false });
  });

  it("forgets an email's failures after a successful sign-in", async () => {
    const db = target.db();
    const email = uniqueEmail("forgiven");
    const at = new Date();
    for (let index = 0; index < 10; index += 1) await recordSignInFailure(email, address(), at, db);
    expect((await checkSignInThrottle(email, address(), at, db)).limited).toBe(true);
    await clearSignInFailures(email, db);
    expect((await checkSignInThrottle(email, address(), at, db)).limited).toBe(false);
  });
});
