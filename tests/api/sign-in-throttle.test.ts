import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/lib/db/sign-in-throttle";
import { MAX_SESSIONS_PER_PERSON } from "@/lib/db/auth-sessions";
import type { ApiClient } from "../support/api-client";
import { demoPassword, staffEmail } from "../support/env";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";

// Sign-in throttling that slows the guesser, not the victim, on two servers of this file's own: one behind
// "one proxy of ours" (SUBDESK_TRUSTED_PROXIES=1, so a test can speak from any address through the
// X-Forwarded-For entry that proxy would append) and one served directly (the default: only the socket's
// peer counts, whatever a client writes).

let proxied: OwnServer;
let direct: OwnServer;

async function start(name: string, port: number, env: Record<string, string>): Promise<OwnServer> {
  const dataDir = ownDataDir(name);
  return startOwnServer({
    port,
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: { ...cleanEnv(), DEMO_PASSWORD: demoPassword(), ...env },
  });
}

beforeAll(async () => {
  [proxied, direct] = await Promise.all([
    start("sign-in-proxied", sparePort(0), { SIM_PORT: String(sparePort(1)), SUBDESK_TRUSTED_PROXIES: "1" }),
    start("sign-in-direct", sparePort(2), { SIM_PORT: String(sparePort(3)) }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([stopOwnServer(proxied), stopOwnServer(direct)]);
});

let addressCounter = 0;
/** A fresh client address for each "someone somewhere". */
const anywhere = () => `198.18.${Math.floor(++addressCounter / 250)}.${(addressCounter % 250) + 1}`;

/** Posts the credentials form as next-auth's signIn() does, with extra fields and headers. */
async function postSignIn(
  client: ApiClient,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await client.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return client.request("POST", "/api/auth/callback/credentials", {
    body: new URLSearchParams({ csrfToken, json: "true", ...fields }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** Through the trusted proxy: the proxy appends `address`; whatever the client wrote before stays left. */
const from = (address: string) => ({ "X-Forwarded-For": `6.6.6.6, ${address}` });

async function signedInEmail(client: ApiClient): Promise<string | undefined> {
  const session = (await client.getJson<{ user?: { email?: string } } | null>("/api/auth/session")) ?? {};
  return session.user?.email;
}

async function failedRows(server: OwnServer, email: string) {
  const admin = await signInAs(server.client(), staffEmail("admin"), demoPassword());
  const rows = await admin.getJson<{
    data: { errorCode: string; clientIp: string; requestSummary: { attempts?: number } | null }[];
  }>(`/api/audit?${new URLSearchParams({ action: "auth.login_failed", target: email, pageSize: "100" })}`);
  return rows.data;
}

describe("sign-in throttle behind a trusted proxy", () => {
  it("does not let guessing from anywhere lock the real person out", async () => {
    const email = staffEmail("viewer");
    // The person's own browser has signed in before.
    const own = proxied.client();
    await postSignIn(own, { email, password: demoPassword() }, from("203.0.113.10"));
    expect(await signedInEmail(own)).toBe(email);

    for (let guess = 1; guess <= 10; guess++) {
      const answer = await postSignIn(
        proxied.client(),
        { email, password: `wrong-${guess}` },
        from(anywhere()),
      );
      expect(answer.status, `guess ${guess}`).not.toBe(429);
    }
    // Ten wrong passwords from anywhere: even a fresh browser at a fresh address still gets in.
    const fresh = proxied.client();
    expect((await postSignIn(fresh, { email, password: demoPassword() }, from(anywhere()))).status).toBe(200);
    expect(await signedInEmail(fresh)).toBe(email);

    // A guesser spread over many addresses meets the per-email limit for anonymous browsers...
    for (let guess = 1; guess <= SIGN_IN_LIMITS.perEmail; guess++) {
      await postSignIn(proxied.client(), { email, password: `again-${guess}` }, from(anywhere()));
    }
    const stranger = await postSignIn(proxied.client(), { email, password: "one more" }, from(anywhere()));
    expect(stranger.status).toBe(429);
    // ...but the browser that signed in before is counted apart and signs in.
    const answer = await postSignIn(own, { email, password: demoPassword() }, from("203.0.113.10"));
    expect(answer.status).toBe(200);
    expect(await signedInEmail(own)).toBe(email);
  });

  it("stops one address after ten guesses at one email, while a colleague behind it signs in", async () => {
    const office = anywhere();
    const email = `guess-target-${Date.now()}@subdesk.test`;
    for (let guess = 1; guess <= SIGN_IN_LIMITS.perEmailAndAddress; guess++) {
      const answer = await postSignIn(proxied.client(), { email, password: `wrong-${guess}` }, from(office));
      expect(answer.status, `guess ${guess}`).not.toBe(429);
    }
    const eleventh = await postSignIn(proxied.client(), { email, password: "wrong-11" }, from(office));
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await eleventh.json()) as { error: { code: string; retryAfter: number }; url: string };
    expect(body.error).toMatchObject({ code: "rate_limited", retryAfter });
    // The login form reads when to retry from next-auth's `url`.
    expect(new URL(body.url).searchParams.get("error")).toBe(`rate_limited:${retryAfter}`);

    const colleague = proxied.client();
    const answer = await postSignIn(
      colleague,
      { email: staffEmail("admin"), password: demoPassword() },
      from(office),
    );
    expect(answer.status).toBe(200);
    expect(await signedInEmail(colleague)).toBe(staffEmail("admin"));
  });

  it("checks and counts in one step: of 60 concurrent guesses ten reach a password check, in two audit rows", async () => {
    const email = `burst-${Date.now()}@subdesk.test`;
    const address = anywhere();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        postSignIn(proxied.client(), { email, password: `burst-${index}` }, from(address)),
      ),
    );
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(50);
    const rows = await failedRows(proxied, email);
    const attempts = (code: string) =>
      rows
        .filter((row) => row.errorCode === code)
        .reduce((sum, row) => sum + (row.requestSummary?.attempts ?? 1), 0);
    expect(attempts("invalid_credentials")).toBe(SIGN_IN_LIMITS.perEmailAndAddress);
    expect(attempts("rate_limited")).toBe(50);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.clientIp === address)).toBe(true);
  });

  it("keeps at most ten live sessions per person: signing in an 11th and 12th time ends the two oldest", async () => {
    const email = staffEmail("support");
    const clients: ApiClient[] = [];
    for (let index = 0; index < MAX_SESSIONS_PER_PERSON + 2; index++) {
      clients.push(await signInAs(proxied.client(), email, demoPassword()));
    }
    const statuses = await Promise.all(
      clients.map(async (client) => (await client.get("/api/managed-accounts/channels")).status),
    );
    expect(statuses).toEqual([401, 401, ...Array.from({ length: MAX_SESSIONS_PER_PERSON }, () => 200)]);
  });
});

describe("sign-in served directly (no trusted proxy)", () => {
  it("ignores a client-sent X-Forwarded-For: it neither dodges the limit nor reaches the audit row", async () => {
    const email = `forger-${Date.now()}@subdesk.test`;
    for (let guess = 1; guess <= SIGN_IN_LIMITS.perEmailAndAddress; guess++) {
      const forged = { "X-Forwarded-For": `192.0.2.${guess}` };
      const answer = await postSignIn(direct.client(), { email, password: `wrong-${guess}` }, forged);
      expect(answer.status, `guess ${guess}`).not.toBe(429);
    }
    const forged = { "X-Forwarded-For": "192.0.2.99", "X-Subdesk-Peer": "192.0.2.98" };
    expect((await postSignIn(direct.client(), { email, password: "wrong" }, forged)).status).toBe(429);
    const rows = await failedRows(direct, email);
    expect(rows.map((row) => row.clientIp)).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("answers a NUL or ESC in the email as a wrong password, and no raw control byte reaches the log", async () => {
    for (const email of ["nul\u0000@subdesk.test", "esc\u001b[31m@subdesk.test"]) {
      const answer = await postSignIn(direct.client(), { email, password: "whatever it is" });
      expect(answer.status, JSON.stringify(email)).toBe(401);
      expect(((await answer.json()) as { url: string }).url).toContain("error=CredentialsSignin");
    }
    expect(direct.log()).not.toMatch(/[\u0000\u001b]/);
  });

  it.each(["\\\\evil.com", "%2F%2Fevil.com", "//evil.com", "https://evil.com/x", "http://[bad"])(
    "falls back to / for the callbackUrl %s, never off-site",
    async (callbackUrl) => {
      const client = direct.client();
      const answer = await postSignIn(client, {
        email: staffEmail("viewer"),
        password: demoPassword(),
        callbackUrl,
      });
      expect(answer.status).toBe(200);
      const target = new URL(((await answer.json()) as { url: string }).url);
      expect(target.origin).toBe(direct.baseUrl);
      expect(target.pathname).toBe("/");
    },
  );
});
