// The sign-in path end to end below HTTP: credentials → session row → cookie → getCurrentStaff, with a
// controlled clock for idle and absolute expiry. Uses the process-wide database (PGlite in memory).
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { TEST_CLOCK_HEADER } from "@/lib/auth/clock";
import { getCurrentStaff, requireStaff } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in-throttle-response";
import { listAudit } from "@/lib/db/audit";
import { revokeAuthSession } from "@/lib/db/auth-sessions";
import { closeDatabase, openDatabase } from "@/lib/db/client";
import { createStaff, disableStaff, insertStaff } from "@/lib/db/staff";
import { hashPassword } from "@/lib/auth/password";

const password = "a very good password";
const secret = "x".repeat(40);
const minute = 60_000;
const headersFrom = (ip: string) => ({ "x-forwarded-for": ip, "user-agent": "vitest" });

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = secret;
  process.env.SUBDESK_TEST_CLOCK = "1";
  delete process.env.NEXTAUTH_URL;
  setAuthMode("embedded");
  await openDatabase({ memory: true });
}, 120_000);
afterAll(() => closeDatabase());

async function cookieFor(email: string, ip = "192.0.2.10") {
  const person = await signInWithPassword({ email, password }, headersFrom(ip));
  if (!person) throw new Error("sign-in failed");
  const token = await encode({
    secret,
    token: { sid: person.sessionId, staffId: person.id, email, role: person.role },
  });
  return {
    person,
    request: (offsetMs = 0) =>
      new Request("http://localhost/api/x", {
        headers: { cookie: `subdesk.session=${token}`, [TEST_CLOCK_HEADER]: String(offsetMs) },
      }),
  };
}

describe("sign-in and sessions", () => {
  it("signs in with the right password, records the session and an auth.login row", async () => {
    const email = "ok@example.test";
    await createStaff({ email, name: "Oki", role: "support", password });
    const { person, request } = await cookieFor("OK@example.test");
    expect(await getCurrentStaff(request())).toEqual({
      staffId: person.id,
      email,
      name: "Oki",
      role: "support",
      sessionId: person.sessionId,
    });
    const audit = await listAudit({ actor: email, action: "auth.login", page: 1, pageSize: 5 });
    expect(audit.rows[0]).toMatchObject({ outcome: "success", actorRole: "support", clientIp: "192.0.2.10" });
  });

  it("refuses a wrong password and an unknown email alike, recording auth.login_failed", async () => {
    await createStaff({ email: "wrong@example.test", name: "W", role: "viewer", password });
    expect(
      await signInWithPassword(
        { email: "wrong@example.test", password: "nope nope nope" },
        headersFrom("192.0.2.20"),
      ),
    ).toBeNull();
    expect(
      await signInWithPassword({ email: "ghost@example.test", password }, headersFrom("192.0.2.20")),
    ).toBeNull();
    const failures = await listAudit({
      action: "auth.login_failed",
      target: "@example.test",
      page: 1,
      pageSize: 10,
    });
    expect(failures.rows.map((row) => row.targetLabel)).toEqual(["ghost@example.test", "wrong@example.test"]);
    expect(failures.rows[0]).toMatchObject({
      actorId: null,
      outcome: "failure",
      errorCode: "invalid_credentials",
    });
  });

  it("expires after 30 idle minutes and 12 hours absolute, by the controlled clock", async () => {
    await createStaff({ email: "clock@example.test", name: "C", role: "viewer", password });
    const { request } = await cookieFor("clock@example.test");
    expect(await getCurrentStaff(request(29 * minute))).not.toBeNull();
    expect(await getCurrentStaff(request(58 * minute))).not.toBeNull();
    expect(await getCurrentStaff(request(89 * minute))).toBeNull();
    const second = await cookieFor("clock@example.test");
    for (let offset = 25 * minute; offset < 12 * 60 * minute; offset += 25 * minute) {
      expect(await getCurrentStaff(second.request(offset))).not.toBeNull();
    }
    expect(await getCurrentStaff(second.request(12 * 60 * minute + minute))).toBeNull();
  });

  it("ignores the test clock outside embedded mode", async () => {
    await createStaff({ email: "live@example.test", name: "L", role: "viewer", password });
    const { request } = await cookieFor("live@example.test");
    setAuthMode("live");
    try {
      expect(await getCurrentStaff(request(24 * 60 * minute))).not.toBeNull();
    } finally {
      setAuthMode("embedded");
    }
  });

  it("ends a session on sign-out and for a person who is disabled", async () => {
    await createStaff({ email: "out@example.test", name: "O", role: "admin", password });
    await createStaff({ email: "gone@example.test", name: "G", role: "support", password });
    const out = await cookieFor("out@example.test");
    await revokeAuthSession(out.person.sessionId);
    expect(await getCurrentStaff(out.request())).toBeNull();
    await expect(requireStaff(out.request())).rejects.toMatchObject({ code: "unauthorized" });
    const gone = await cookieFor("gone@example.test");
    await disableStaff(gone.person.id);
    expect(await getCurrentStaff(gone.request())).toBeNull();
    expect(
      await signInWithPassword({ email: "gone@example.test", password }, headersFrom("192.0.2.30")),
    ).toBeNull();
  });

  it("refuses demo people unless the mode is embedded", async () => {
    await insertStaff({
      email: "viewer@subdesk.test",
      name: "Vic",
      role: "viewer",
      passwordHash: await hashPassword("demo"),
    });
    setAuthMode("live");
    try {
      expect(
        await signInWithPassword(
          { email: "viewer@subdesk.test", password: "demo" },
          headersFrom("192.0.2.40"),
        ),
      ).toBeNull();
    } finally {
      setAuthMode("embedded");
    }
    expect(
      await signInWithPassword({ email: "viewer@subdesk.test", password: "demo" }, headersFrom("192.0.2.40")),
    ).not.toBeNull();
  });

  it("answers the 11th attempt within 15 minutes with 429 and Retry-After, before checking the password", async () => {
    const email = "target@example.test";
    await createStaff({ email, name: "T", role: "viewer", password });
    const attempt = (ip: string, body = `email=${email}&password=wrong&json=true`) =>
      new Request("http://localhost/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
        body,
      });
    for (let index = 0; index < 10; index += 1) {
      const ip = `192.0.2.${100 + index}`;
      expect(await refuseThrottledSignIn(attempt(ip))).toBeNull();
      expect(await signInWithPassword({ email, password: "wrong" }, headersFrom(ip))).toBeNull();
    }
    const refused = await refuseThrottledSignIn(attempt("192.0.2.200"));
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    const body = await refused?.json();
    expect(body.error).toMatchObject({
      code: "rate_limited",
      retryAfter: expect.any(Number),
      requestId: expect.any(String),
    });
    expect(body.url).toMatch(/error=rate_limited%3A\d+/);
    // Even the right password is not looked at now; someone else from elsewhere still signs in.
    expect(await signInWithPassword({ email, password }, headersFrom("192.0.2.201"))).toBeNull();
    expect(
      await refuseThrottledSignIn(attempt("192.0.2.202", `email=ok@example.test&password=x`)),
    ).toBeNull();
    expect(
      await signInWithPassword({ email: "ok@example.test", password }, headersFrom("192.0.2.202")),
    ).not.toBeNull();
  });
});
