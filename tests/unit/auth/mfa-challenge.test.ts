// The code step of a password sign-in with MFA, below HTTP: the challenge cookie the password step hands out
// names one person, is sealed, and is spent by the sign-in it completes (a copy of it is worth nothing after).
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { TEST_CLOCK_HEADER } from "@/lib/auth/clock";
import { challengeCookieName, issueChallenge } from "@/lib/auth/mfa/challenge";
import { sealSecret } from "@/lib/auth/mfa/secret-box";
import { newTotpSecret, timeStepAt } from "@/lib/auth/mfa/totp";
import { attemptSignIn, signInWithCredentials } from "@/lib/auth/sign-in";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { createStaff } from "@/lib/db/staff";
import { enableMfa, savePendingSecret } from "@/lib/db/staff-mfa";

const password = "a very good password";
const step = 30_000;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "c".repeat(40);
  process.env.SUBDESK_TEST_CLOCK = "1";
  process.env.SUBDESK_TRUSTED_PROXIES = "1";
  delete process.env.NEXTAUTH_URL;
  setAuthMode("embedded");
  await openDatabase({ memory: true });
}, 120_000);
afterAll(() => closeDatabase());

async function enrolledPerson(email: string) {
  const person = await createStaff({ email, name: "Mia", role: "admin", password });
  const secret = newTotpSecret();
  await savePendingSecret(person.id, sealSecret(secret, person.id));
  // Enrolled with a step well in the past, so every code below is a fresh step.
  await enableMfa(person.id, { step: timeStepAt(new Date()) - 10, codeHashes: ["unused$x"], at: new Date() });
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: 30, digits: 6, algorithm: "SHA1" });
  return { person, codeAt: (offsetMs: number) => totp.generate({ timestamp: Date.now() + offsetMs }) };
}

const codeStep = (challenge: string, code: string, offsetMs = 0, ip = "192.0.2.20") =>
  signInWithCredentials(
    { code },
    {
      cookie: `${challengeCookieName()}=${challenge}`,
      "x-forwarded-for": ip,
      [TEST_CLOCK_HEADER]: String(offsetMs),
    },
  );

describe("the MFA challenge", () => {
  it("completes one sign-in: a copy of the spent challenge with a later code is refused", async () => {
    const email = "replay@example.test";
    const { codeAt } = await enrolledPerson(email);
    const first = await attemptSignIn({ email, password }, { "x-forwarded-for": "192.0.2.20" });
    expect(first).toMatchObject({ ok: false, errorCode: "mfa_required" });
    const challenge = (first as { challenge: string }).challenge;

    expect(await codeStep(challenge, codeAt(0))).toMatchObject({ ok: true });
    // The same cookie, replayed a step later with that step's (valid, unused) code.
    expect(await codeStep(challenge, codeAt(step), step)).toMatchObject({
      ok: false,
      errorCode: "mfa_challenge_expired",
    });
  });

  it("is refused when forged or sealed for something else, and names only its own person", async () => {
    const email = "forged@example.test";
    const { codeAt } = await enrolledPerson(email);
    expect(await codeStep("not-a-token", codeAt(0))).toMatchObject({ errorCode: "mfa_challenge_expired" });
    const other = await enrolledPerson("other@example.test");
    const first = await attemptSignIn({ email, password }, { "x-forwarded-for": "192.0.2.21" });
    const challenge = (first as { challenge: string }).challenge;
    // Another enrolled person's right code does not complete this person's challenge.
    expect(await codeStep(challenge, other.codeAt(0), 0, "192.0.2.21")).toMatchObject({
      errorCode: "invalid_code",
    });
    expect(await codeStep(challenge, codeAt(0), 0, "192.0.2.21")).toMatchObject({ ok: true });
  });

  it("a challenge issued before the person's latest sign-in is spent", async () => {
    const email = "older@example.test";
    const { person, codeAt } = await enrolledPerson(email);
    const stale = await issueChallenge(person.id, new Date(Date.now() - 60_000));
    const first = await attemptSignIn({ email, password }, { "x-forwarded-for": "192.0.2.22" });
    const fresh = (first as { challenge: string }).challenge;
    expect(await codeStep(fresh, codeAt(0), 0, "192.0.2.22")).toMatchObject({ ok: true });
    expect(await codeStep(stale, codeAt(step), step, "192.0.2.22")).toMatchObject({
      errorCode: "mfa_challenge_expired",
    });
  });
});
