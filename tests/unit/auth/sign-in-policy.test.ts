// Who may sign in how, below HTTP on a real (in-memory PGlite) database: password sign-in switched off, the
// MFA requirement holding a session back for enrolment, and single sign-on's role map, staff match,
// auto-provisioning and role sync. Each session row records how and when its person authenticated.
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setAuthMode } from "@/lib/auth/auth-mode";
import { parseRoleMap, registerOidcSettings } from "@/lib/auth/oidc/config";
import { signInWithOidc } from "@/lib/auth/oidc/sign-in";
import { hashPassword } from "@/lib/auth/password";
import { listAudit } from "@/lib/db/audit";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { getDb, closeDatabase, openDatabase } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import { findStaffByEmail, insertStaff } from "@/lib/db/staff";

const password = "a very good password";
const headers = { "x-forwarded-for": "192.0.2.77", "user-agent": "vitest" };
const saved = { ...process.env };

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = "y".repeat(40);
  process.env.SUBDESK_TRUSTED_PROXIES = "1";
  setAuthMode("embedded");
  await openDatabase({ memory: true });
  const passwordHash = await hashPassword(password);
  await insertStaff({ email: "boss@example.test", name: "Boss", role: "admin", passwordHash });
  await insertStaff({ email: "agent@example.test", name: "Agent", role: "viewer", passwordHash });
}, 120_000);
afterAll(() => closeDatabase());
afterEach(() => {
  for (const name of ["SUBDESK_PASSWORD_SIGNIN", "SUBDESK_REQUIRE_MFA"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  registerOidcSettings(null);
});

async function sessionRow(id: string) {
  const [row] = await (await getDb()).select().from(authSessions).where(eq(authSessions.id, id));
  return row!;
}

describe("password sign-in", () => {
  it("is refused server-side when SUBDESK_PASSWORD_SIGNIN=off", async () => {
    process.env.SUBDESK_PASSWORD_SIGNIN = "off";
    const result = await attemptSignIn({ email: "boss@example.test", password }, headers);
    expect(result).toMatchObject({ ok: false, errorCode: "password_sign_in_off" });
  });

  it("records the method and time, and holds back a person who must enrol", async () => {
    process.env.SUBDESK_REQUIRE_MFA = "admins";
    const boss = await attemptSignIn({ email: "boss@example.test", password }, headers);
    const agent = await attemptSignIn({ email: "agent@example.test", password }, headers);
    if (!boss.ok || !agent.ok) throw new Error("sign-in failed");
    expect(await sessionRow(boss.person.sessionId)).toMatchObject({
      authMethod: "password",
      mfaEnrolmentRequired: true,
      authenticatedAt: expect.any(Date),
    });
    expect((await sessionRow(agent.person.sessionId)).mfaEnrolmentRequired).toBe(false);
  });
});

describe("single sign-on", () => {
  const settings = (autoProvision = false) => ({
    issuer: "https://idp.example",
    clientId: "subdesk",
    clientSecret: "s",
    scope: "openid email",
    roleClaim: "groups",
    roleMap: parseRoleMap("subdesk-admins=admin,subdesk-support=support"),
    autoProvision,
    source: "env" as const,
  });

  it("signs a mapped person in with the provider's role and auth_time, syncing the staff row", async () => {
    registerOidcSettings(settings());
    const authTime = Math.floor(Date.now() / 1000) - 5;
    const result = await signInWithOidc(
      { sub: "1", email: "Agent@Example.test", groups: ["other", "subdesk-support"], auth_time: authTime },
      headers,
    );
    if (!result.ok) throw new Error(result.errorCode);
    expect(result.person.role).toBe("support");
    expect((await findStaffByEmail("agent@example.test"))?.role).toBe("support");
    expect(await sessionRow(result.person.sessionId)).toMatchObject({
      authMethod: "oidc",
      authTime: new Date(authTime * 1000),
      mfaEnrolmentRequired: false,
    });
  });

  it("refuses an unmapped person, an unknown one, an unverified email, and no settings", async () => {
    registerOidcSettings(settings());
    const refusal = (claims: Record<string, unknown>) => signInWithOidc({ sub: "x", ...claims }, headers);
    expect(await refusal({ email: "agent@example.test", groups: ["contractors"] })).toMatchObject({
      ok: false,
      errorCode: "sso_no_role",
    });
    expect(await refusal({ email: "nobody@example.test", groups: ["subdesk-admins"] })).toMatchObject({
      errorCode: "sso_no_staff",
    });
    expect(
      await refusal({ email: "agent@example.test", email_verified: false, groups: ["subdesk-admins"] }),
    ).toMatchObject({ errorCode: "sso_no_email" });
    // Some providers send the claim as a string (Cognito's "false").
    expect(
      await refusal({ email: "agent@example.test", email_verified: "false", groups: ["subdesk-admins"] }),
    ).toMatchObject({ errorCode: "sso_no_email" });
    expect(await findStaffByEmail("nobody@example.test")).toBeNull();
    // Each refusal is in the audit trail with its reason, under the email the provider sent.
    const failures = await listAudit({
      action: "auth.login_failed",
      target: "@example.test",
      page: 1,
      pageSize: 20,
    });
    expect(failures.rows.map((row) => [row.targetLabel, row.errorCode])).toEqual(
      expect.arrayContaining([
        ["agent@example.test", "sso_no_role"],
        ["nobody@example.test", "sso_no_staff"],
      ]),
    );
    registerOidcSettings(null);
    expect(await refusal({ email: "agent@example.test", groups: ["subdesk-admins"] })).toMatchObject({
      errorCode: "sso_not_configured",
    });
  });

  it("creates the person only with OIDC_AUTO_PROVISION, and never with a usable password", async () => {
    registerOidcSettings(settings(true));
    const result = await signInWithOidc(
      { sub: "2", email: "new@example.test", name: "New Person", groups: ["subdesk-admins"] },
      headers,
    );
    expect(result.ok).toBe(true);
    expect(await findStaffByEmail("new@example.test")).toMatchObject({ role: "admin", name: "New Person" });
    const viaPassword = await attemptSignIn({ email: "new@example.test", password: "" }, headers);
    expect(viaPassword.ok).toBe(false);
  });
});
