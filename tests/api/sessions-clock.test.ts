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

// Session time limits, on a server of this file's own: the controlled clock (lib/auth/clock.ts:
// SUBDESK_TEST_CLOCK=1 plus a per-request forward offset, embedded mode only) must not be on in the shared
// server. Sign-in throttling has its own file (sign-in-throttle.test.ts).

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
