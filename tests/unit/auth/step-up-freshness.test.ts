// Step-up reads freshness off the session row. For single sign-on it is the provider's auth_time (when it
// last asked the person), never our callback's time: a provider that skipped the prompt and did not say
// when it asked must not count as a fresh sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { requireRecentAuthentication } from "@/lib/auth/step-up";
import { createAuthSession } from "@/lib/db/auth-sessions";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { createStaff } from "@/lib/db/staff";

const minute = 60_000;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "f".repeat(40);
  setAuthMode("embedded");
  // The step-up window these cases reason about (the test runner's servers use a longer one).
  process.env.SUBDESK_STEP_UP_MAX_AGE_SECONDS = "600";
  await openDatabase({ memory: true });
}, 120_000);
afterAll(() => closeDatabase());

let people = 0;
async function ssoSession(authTime: Date | undefined) {
  people += 1;
  const email = `sso-${people}@example.test`;
  const person = await createStaff({ email, name: "Sam", role: "admin", password: "a very good password" });
  const sessionId = await createAuthSession({
    staffId: person.id,
    at: new Date(),
    authentication: { method: "oidc", mfaEnrolmentRequired: false, authTime },
  });
  return { staffId: person.id, email, name: "Sam", role: "admin" as const, sessionId };
}

describe("step-up after a single sign-on", () => {
  it("counts a provider that asked just now", async () => {
    await requireRecentAuthentication(await ssoSession(new Date()), new Date());
  });

  it("does not count a new session riding the provider's sign-in of half an hour ago", async () => {
    const staff = await ssoSession(new Date(Date.now() - 30 * minute));
    await expect(requireRecentAuthentication(staff, new Date())).rejects.toMatchObject({
      code: "step_up_required",
    });
  });

  it("does not count a provider that did not say when it asked", async () => {
    const staff = await ssoSession(undefined);
    await expect(requireRecentAuthentication(staff, new Date())).rejects.toMatchObject({
      code: "step_up_required",
    });
  });
});
