import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../support/api-client";
import { demoPassword } from "../support/env";
import { postCredentialStep, sessionEmail, totpCode } from "../support/mfa";
import {
  cleanEnv,
  ownDataDir,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";

// SUBDESK_REQUIRE_MFA=admins on a console of this test's own: an admin who signs in with a password and has
// no MFA may only enrol (every other route answers 403) until the first code turns it on; and the code step
// is throttled like passwords, so a known password cannot be followed by unlimited code guesses.

let server: OwnServer;

beforeAll(async () => {
  const dataDir = ownDataDir("mfa-required");
  server = await startOwnServer({
    port: sparePort(14),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      SIM_PORT: String(sparePort(15)),
      DEMO_PASSWORD: demoPassword(),
      SUBDESK_REQUIRE_MFA: "admins",
    },
  });
}, 120_000);
afterAll(() => stopOwnServer(server));

const signInAs = async (email: string) => {
  const client = new ApiClient(undefined, server.baseUrl);
  expect((await postCredentialStep(client, { email, password: demoPassword() })).error).toBeNull();
  return client;
};

describe("an admin who must use MFA", () => {
  let secret: string;

  it("can do nothing but enrol, then everything once a code turns MFA on", async () => {
    const admin = await signInAs("admin@subdesk.test");
    const refused = await admin.get("/api/managed-accounts");
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/two-factor/);
    expect((await admin.get("/api/staff")).status).toBe(403);
    expect((await admin.getJson<{ data: { required: boolean } }>("/api/mfa")).data.required).toBe(true);
    // Not an admin: no hold.
    expect((await (await signInAs("support@subdesk.test")).get("/api/managed-accounts")).status).toBe(200);

    const started = await admin.post("/api/mfa/enrol", {});
    secret = ((await started.json()) as { data: { secret: string } }).data.secret;
    expect((await admin.post("/api/mfa/confirm", { code: totpCode(secret) })).status).toBe(200);
    expect((await admin.get("/api/managed-accounts")).status).toBe(200);
  });

  it("is throttled at the code step: ten tries, then 429 even for the right code", async () => {
    const client = new ApiClient(undefined, server.baseUrl);
    expect(
      (await postCredentialStep(client, { email: "admin@subdesk.test", password: demoPassword() })).error,
    ).toBe("mfa_required");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12 && !statuses.includes(429); attempt++) {
      statuses.push((await postCredentialStep(client, { code: "000000" })).status);
    }
    // The password step took one of the pair's ten points.
    expect(statuses.filter((status) => status !== 429)).toHaveLength(9);
    expect(statuses.at(-1)).toBe(429);
    expect((await postCredentialStep(client, { code: totpCode(secret, 30_000) })).status).toBe(429);
    expect(await sessionEmail(client)).toBeUndefined();
  });
});
