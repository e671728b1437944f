import { beforeAll, describe, expect, it } from "vitest";
import type { MfaEnrolmentDto, MfaStatusDto } from "@/lib/schemas/mfa";
import { ApiClient, signIn } from "../support/api-client";
import { enrolMfa, postCredentialStep, sessionEmail, totpCode } from "../support/mfa";
import { auditEvents, createPerson, signInPerson, type NewPerson } from "../support/staff";

// Two-factor authentication for password sign-in, against the running console: enrolment on one's own
// account, the code step (a code once, a recovery code once), and an admin's audited reset.

const status = async (client: ApiClient) => (await client.getJson<{ data: MfaStatusDto }>("/api/mfa")).data;

let admin: ApiClient;
let person: NewPerson;
let own: ApiClient;

beforeAll(async () => {
  admin = await signIn("admin");
  person = await createPerson(admin, "support", "mfa");
  own = await signInPerson(person.email, person.password);
});

describe("enrolling one's own TOTP", () => {
  it("refuses bad bodies with field messages and a confirmation with nothing pending, changing nothing", async () => {
    expect((await own.post("/api/mfa/enrol", { secret: "mine" })).status).toBe(422);
    const short = await own.post("/api/mfa/confirm", { code: "12" });
    expect([400, 422]).toContain(short.status);
    expect(((await short.json()) as { error: { fields: Record<string, string> } }).error.fields.code).toMatch(
      /6-digit/,
    );
    expect((await own.post("/api/mfa/confirm", { code: "123456" })).status).toBe(409);
    expect(await status(own)).toMatchObject({ enabled: false, required: false, recoveryCodesLeft: 0 });
  });

  it("shows the secret as text and QR, refuses a wrong code, and turns on with a right one", async () => {
    const started = await own.post("/api/mfa/enrol", {});
    expect(started.status).toBe(200);
    const { data } = (await started.json()) as { data: MfaEnrolmentDto };
    expect(data.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(data.otpauthUri).toContain(`secret=${data.secret}`);
    expect(data.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const wrong = totpCode(data.secret) === "000000" ? "111111" : "000000";
    expect((await own.post("/api/mfa/confirm", { code: wrong })).status).toBe(422);
    expect((await status(own)).enabled).toBe(false);

    const confirmed = await own.post("/api/mfa/confirm", { code: totpCode(data.secret) });
    expect(confirmed.status).toBe(200);
    const { recoveryCodes } = ((await confirmed.json()) as { data: { recoveryCodes: string[] } }).data;
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(await status(own)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await own.post("/api/mfa/enrol", {})).status).toBe(409);
    // The audit trail says it was turned on, and never holds the secret.
    const rows = await auditEvents(admin, { target: person.id });
    expect(rows.map((row) => row.action)).toEqual(
      expect.arrayContaining(["auth.mfa.enrol", "auth.mfa.enable"]),
    );
    expect(JSON.stringify(rows)).not.toContain(data.secret);
  });
});

describe("signing in with a password and a code", () => {
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    const admin2 = await signIn("admin");
    const someone = await createPerson(admin2, "viewer", "mfa-code");
    person = someone;
    ({ secret, recoveryCodes } = await enrolMfa(await signInPerson(someone.email, someone.password)));
  });

  it("holds the password step back without a session, then signs in with a code once", async () => {
    const client = new ApiClient();
    const first = await postCredentialStep(client, { email: person.email, password: person.password });
    expect(first.error).toBe("mfa_required");
    expect(client.hasCookie((name) => name.endsWith("subdesk.mfa-challenge"))).toBe(true);
    expect(await sessionEmail(client)).toBeUndefined();
    expect((await client.get("/api/mfa")).status).toBe(401);

    // The next step's code (enrolment used this one): inside the one-step window.
    const code = totpCode(secret, 30_000);
    const second = await postCredentialStep(client, { code });
    expect(second.error).toBeNull();
    expect(await sessionEmail(client)).toBe(person.email);
    expect(client.hasCookie((name) => name.endsWith("subdesk.mfa-challenge"))).toBe(false);

    // Played back by someone else who also knows the password: refused.
    const thief = new ApiClient();
    expect((await postCredentialStep(thief, { email: person.email, password: person.password })).error).toBe(
      "mfa_required",
    );
    expect((await postCredentialStep(thief, { code })).error).toBe("invalid_code");
    expect(await sessionEmail(thief)).toBeUndefined();
  });

  it("takes a recovery code once", async () => {
    const once = new ApiClient();
    await postCredentialStep(once, { email: person.email, password: person.password });
    expect((await postCredentialStep(once, { code: recoveryCodes[0]! })).error).toBeNull();
    expect(await sessionEmail(once)).toBe(person.email);
    expect((await status(once)).recoveryCodesLeft).toBe(9);

    const twice = new ApiClient();
    await postCredentialStep(twice, { email: person.email, password: person.password });
    expect((await postCredentialStep(twice, { code: recoveryCodes[0]! })).error).toBe("invalid_code");
    expect(await sessionEmail(twice)).toBeUndefined();
  });

  it("refuses a code with no password step behind it", async () => {
    const client = new ApiClient();
    expect((await postCredentialStep(client, { code: totpCode(secret) })).error).toBe(
      "mfa_challenge_expired",
    );
    expect(await sessionEmail(client)).toBeUndefined();
  });

  it("lets an admin reset someone's MFA, with a reason, audited; support may not", async () => {
    const support = await signIn("support");
    const url = `/api/staff/${person.id}/mfa-reset`;
    expect((await support.post(url, { reason: "lost phone" })).status).toBe(403);
    expect((await admin.post(url, { reason: "" })).status).toBe(422);
    expect((await admin.post(url, {})).status).toBe(422);
    expect(
      (await admin.post(`/api/staff/${crypto.randomUUID()}/mfa-reset`, { reason: "lost phone" })).status,
    ).toBe(404);
    const reset = await admin.post(url, { reason: "Lost phone, checked by video call" });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { data: { wasEnabled: boolean } }).data.wasEnabled).toBe(true);
    const rows = await auditEvents(admin, { action: "staff.mfa.reset", target: person.id });
    expect(rows[0]).toMatchObject({ reason: "Lost phone, checked by video call", outcome: "success" });
    // A password alone signs in again.
    expect(await sessionEmail(await signInPerson(person.email, person.password))).toBe(person.email);
  });
});
