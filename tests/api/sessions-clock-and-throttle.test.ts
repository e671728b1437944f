import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

// Session limits and sign-in throttling, on a server of this file's own: the controlled clock
// (lib/auth/clock.ts: SUBDESK_TEST_CLOCK=1 plus a per-request forward offset, embedded mode only) must
// not be on in the shared server, and ten failed sign-ins must not lock the shared server's address.

const MINUTE = 60_000;
const CLOCK_HEADER = "x-test-clock-offset-ms";
let server: OwnServer;

beforeAll(async () => {
  const dataDir = ownDataDir("sessions");
  server = await startOwnServer({
    port: sparePort(0),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      SIM_PORT: String(sparePort(1)),
      DEMO_PASSWORD: demoPassword(),
      SUBDESK_TEST_CLOCK: "1",
    },
  });
}, 120_000);

afterAll(async () => {
  await stopOwnServer(server);
});

const signedIn = (role: "admin" | "support" | "viewer") =>
  signInAs(server.client(), staffEmail(role), demoPassword());

/** A session-checked read at a point on the controlled clock (minutes from now). */
async function statusAt(client: ApiClient, minutes: number): Promise<number> {
  const response = await client.get("/api/managed-accounts/channels", {
    headers: { [CLOCK_HEADER]: String(Math.round(minutes * MINUTE)) },
  });
  await response.body?.cancel();
  return response.status;
}

describe("idle timeout (30 minutes)", () => {
  it("keeps a session alive while it is used and ends it after 30 idle minutes", async () => {
    const client = await signedIn("viewer");
    expect(await statusAt(client, 29)).toBe(200);
    // 29 minutes after the last use: still alive, because using it reset the idle timer.
    expect(await statusAt(client, 58)).toBe(200);
    expect(await statusAt(client, 58 + 31)).toBe(401);
    expect(await statusAt(client, 58 + 45)).toBe(401);
  });

  it("ends an untouched session at 31 minutes but not at 29", async () => {
    const client = await signedIn("viewer");
    const other = await signedIn("viewer");
    expect(await statusAt(other, 31)).toBe(401);
    expect(await statusAt(client, 29)).toBe(200);
  });
});

describe("absolute lifetime (12 hours)", () => {
  it("ends a session used every 25 minutes once it is 12 hours old", async () => {
    const client = await signedIn("support");
    let minutes = 0;
    while (minutes + 25 <= 12 * 60 - 5) {
      minutes += 25;
      expect(await statusAt(client, minutes), `at ${minutes} min`).toBe(200);
    }
    expect(await statusAt(client, 12 * 60 - 2), "at 11 h 58").toBe(200);
    // Last used 7 minutes earlier, so only the absolute limit can end it here.
    expect(await statusAt(client, 12 * 60 + 5), "at 12 h 05").toBe(401);
  });
});

describe("sign-in throttling", () => {
  const form = (client: ApiClient, email: string, password: string, address: string) =>
    signInFrom(client, email, password, address);

  it("answers the 11th failure for one email within 15 minutes with 429 and Retry-After", async () => {
    const email = `guess-target-${Date.now()}@subdesk.test`;
    // Every guess from a different address, so only the per-email count can trip.
    for (let attempt = 1; attempt <= 10; attempt++) {
      const answer = await form(server.client(), email, `wrong-${attempt}`, `198.51.100.${attempt}`);
      expect(answer.status, `attempt ${attempt}`).not.toBe(429);
    }
    const eleventh = await form(server.client(), email, "wrong-11", "198.51.100.11");
    expect(eleventh.status).toBe(429);
    const retryAfter = Number(eleventh.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await eleventh.json()) as { error: { code: string; retryAfter: number } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.retryAfter).toBe(retryAfter);

    // Someone else, from a fresh address, signs in as usual.
    const other = server.client();
    const answer = await form(other, staffEmail("admin"), demoPassword(), "198.51.100.50");
    expect(answer.status).not.toBe(429);
    const session = await other.getJson<{ user?: { email?: string } }>("/api/auth/session");
    expect(session.user?.email).toBe(staffEmail("admin"));
  });

  it("counts per client address too: ten failures from one address across emails block the 11th", async () => {
    const address = "203.0.113.77";
    for (let attempt = 1; attempt <= 10; attempt++) {
      const answer = await form(
        server.client(),
        `spray-${attempt}-${Date.now()}@subdesk.test`,
        "nope-nope",
        address,
      );
      expect(answer.status, `attempt ${attempt}`).not.toBe(429);
    }
    const blocked = await form(server.client(), staffEmail("viewer"), demoPassword(), address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same person from their own address is not locked out by the sprayer.
    const fine = await form(server.client(), staffEmail("viewer"), demoPassword(), "203.0.113.78");
    expect(fine.status).not.toBe(429);
  });
});

/** Posts the credentials form as if from `address` (the client address the server derives from X-Forwarded-For). */
async function signInFrom(client: ApiClient, email: string, password: string, address: string) {
  const csrf = await client.get("/api/auth/csrf", { headers: { "X-Forwarded-For": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  return client.request("POST", "/api/auth/callback/credentials", {
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": address },
  });
}
