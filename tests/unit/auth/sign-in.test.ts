// The sign-in path end to end below HTTP: credentials → session row → cookie → getCurrentStaff, with a
// controlled clock for idle and absolute expiry. Uses the process-wide database (PGlite in memory).
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { TEST_CLOCK_HEADER } from "@/lib/auth/clock";
import { getCurrentStaff, requireStaff } from "@/lib/auth/session";
import { deviceCookieHeader, trustedDeviceId } from "@/lib/auth/device-cookie";
import { attemptSignIn, signInWithPassword } from "@/lib/auth/sign-in";
import { throttledSignInResponse } from "@/lib/auth/sign-in-throttle-response";
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
  // No HTTP server here to stamp the socket's peer: speak as if through one proxy of ours.
  process.env.SUBDESK_TRUSTED_PROXIES = "1";
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

  it("refuses the 11th attempt from one address before checking the password; elsewhere the person gets in", async () => {
    const email = "target@example.test";
    await createStaff({ email, name: "T", role: "viewer", password });
    for (let index = 0; index < 10; index += 1) {
      expect(await attemptSignIn({ email, password: "wrong" }, headersFrom("192.0.2.100"))).toMatchObject({
        ok: false,
        errorCode: "invalid_credentials",
      });
    }
    const refused = await attemptSignIn({ email, password }, headersFrom("192.0.2.100"));
    expect(refused).toMatchObject({ ok: false, errorCode: "rate_limited" });
    expect(!refused.ok && refused.retryAfter).toBeGreaterThan(14 * 60);
    expect((await attemptSignIn({ email, password }, headersFrom("192.0.2.201"))).ok).toBe(true);

    const answer = throttledSignInResponse(
      new Request("http://localhost/api/auth/callback/credentials"),
      600,
      "req-12345678",
    );
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("600");
    const body = await answer.json();
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfter: 600, requestId: "req-12345678" });
    expect(body.url).toMatch(/error=rate_limited%3A600$/);
  });

  it("answers an email with NUL or ESC as a wrong password, without touching the staff table", async () => {
    for (const email of ["nul\u0000@example.test", "esc\u001b[2J@example.test"]) {
      expect(await attemptSignIn({ email, password }, headersFrom("192.0.2.50"))).toMatchObject({
        ok: false,
        errorCode: "invalid_credentials",
      });
    }
    const rows = await listAudit({ action: "auth.login_failed", target: "\\u001b", page: 1, pageSize: 5 });
    expect(rows.rows[0]?.targetLabel).toBe("esc\\u001b[2j@example.test");
  });

  it("trusts a device cookie only for the email it was issued to, and only with the server's secret", () => {
    const at = new Date();
    const cookie = deviceCookieHeader("Person@example.test", at)!.split(";")[0]!;
    expect(trustedDeviceId(cookie, "person@example.test", at)).toMatch(/^[0-9a-f-]{36}$/);
    expect(trustedDeviceId(cookie, "other@example.test", at)).toBeNull();
    expect(trustedDeviceId(cookie.replace(/.$/, "x"), "person@example.test", at)).toBeNull();
    expect(
      trustedDeviceId(cookie, "person@example.test", new Date(at.getTime() + 91 * 24 * 60 * minute)),
    ).toBeNull();
  });
});
