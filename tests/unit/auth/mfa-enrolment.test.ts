// Enrolling TOTP proves the person holds the new secret they were just shown, not who they are: it lets a
// session held back for enrolment use the console, but renews no proof of identity. Otherwise a stolen,
// stale session could enrol an authenticator of its own and pass step-up without the password.
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { confirmMfaEnrolment, startMfaEnrolment } from "@/lib/auth/mfa/enrolment";
import { requireRecentAuthentication, sessionFreshness } from "@/lib/auth/step-up";
import { checkAuthSession, createAuthSession } from "@/lib/db/auth-sessions";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { createStaff } from "@/lib/db/staff";

const minute = 60_000;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "e".repeat(40);
  setAuthMode("embedded");
  // The step-up window these cases reason about (the test runner's servers use a longer one).
  process.env.SUBDESK_STEP_UP_MAX_AGE_SECONDS = "600";
  await openDatabase({ memory: true });
}, 120_000);
afterAll(() => closeDatabase());

async function enrolOn(method: "password" | "oidc", signedInAt: Date, mfaEnrolmentRequired = false) {
  const email = `${method}-${signedInAt.getTime()}@example.test`;
  const person = await createStaff({ email, name: "Eve", role: "admin", password: "a very good password" });
  const sessionId = await createAuthSession({
    staffId: person.id,
    at: signedInAt,
    authentication: { method, mfaEnrolmentRequired },
  });
  const staff = { staffId: person.id, email, name: "Eve", role: "admin" as const, sessionId };
  const { secret } = await startMfaEnrolment(staff);
  const at = new Date();
  const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
  expect((await confirmMfaEnrolment(staff, code, at)).recoveryCodes).toHaveLength(10);
  return { staff, at };
}

describe("confirming a TOTP enrolment", () => {
  it("does not make a stale password session fresh for step-up", async () => {
    const signedInAt = new Date(Date.now() - 30 * minute);
    const { staff, at } = await enrolOn("password", signedInAt);
    expect((await sessionFreshness(staff.sessionId))?.authenticatedAt).toEqual(signedInAt);
    await expect(requireRecentAuthentication(staff, at)).rejects.toMatchObject({ code: "step_up_required" });
  });

  it("leaves a single sign-on session's method alone (its step-up goes through the provider)", async () => {
    const { staff } = await enrolOn("oidc", new Date(Date.now() - 30 * minute));
    expect((await sessionFreshness(staff.sessionId))?.method).toBe("oidc");
  });

  it("lets a session held back for enrolment use the console", async () => {
    const { staff, at } = await enrolOn("password", new Date(), true);
    const check = await checkAuthSession({ sessionId: staff.sessionId, staffId: staff.staffId }, at);
    expect(check.ok && check.session.mfaEnrolmentRequired).toBeFalsy();
    await requireRecentAuthentication(staff, at);
  });
});
