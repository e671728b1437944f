import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BalanceRefresh } from "@/lib/schemas/balances";
import type { ApiClient } from "../support/api-client";
import { sleep } from "../support/audit-rows";
import { createFreshDatabase, type FreshDatabase } from "../support/fresh-database";
import { startLiveSimulator, type LiveSimulator } from "../support/live-sim";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";

// Two console instances on one PostgreSQL: "refresh now" pressed on both at once makes one refresh, read by
// one driver, each account once; and when the instance driving it is killed (kill -9) half way, the other
// takes the refresh over once the lease runs out and finishes it without reading anyone twice.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const adminEmail = "balances-multi-admin@example.com";
const adminPassword = `multi-${randomUUID()}`;
const telnyxKey = `KEY0BAL${randomBytes(12).toString("hex").toUpperCase()}`;

let simulator: LiveSimulator;
let database: FreshDatabase;
const instances: OwnServer[] = [];
let readable: number;

async function waitForEnd(client: ApiClient, id: string, ms = 60_000): Promise<BalanceRefresh> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const latest = await client.getJson<{ data: BalanceRefresh }>("/api/balances/refresh");
    if (latest.data.id === id && !["queued", "running"].includes(latest.data.status)) return latest.data;
    await sleep(200);
  }
  throw new Error("The refresh did not end.");
}

async function snapshotsOf(refreshId: string) {
  const [row] = await database.query<{ rows: string; accounts: string }>(
    `SELECT count(*) AS rows, count(DISTINCT account_id) AS accounts FROM balance_snapshots WHERE refresh_id = '${refreshId}'`,
  );
  return { rows: Number(row!.rows), accounts: Number(row!.accounts) };
}

describe.skipIf(!TEST_DATABASE_URL)("two instances on one PostgreSQL share balance refreshes", () => {
  beforeAll(async () => {
    simulator = await startLiveSimulator(telnyxKey, { accounts: 60, users: 3 });
    const states = await simulator.control<{ data: { status: string }[] }>("GET", "/state/accounts");
    readable = states.data.filter((account) => account.status !== "cancelled").length;
    database = await createFreshDatabase(TEST_DATABASE_URL!, "subdesk_balances");
    const env = {
      ...cleanEnv(),
      TELNYX_API_KEY: telnyxKey,
      TELNYX_BASE_URL: simulator.url,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // About six seconds a refresh: long enough to kill its driver half way.
      SUBDESK_BALANCE_MAX_RPS: "10",
      SUBDESK_BALANCE_LEASE_MS: "2000",
      SUBDESK_BALANCE_TICK_MS: "500",
    };
    for (const name of ["a", "b"]) {
      const dataDir = ownDataDir(`balances-multi-${name}`);
      instances.push(
        await startOwnServer({
          port: sparePort(12 + instances.length),
          dataDir,
          logFile: path.join(dataDir, "server.log"),
          env,
          timeoutMs: 90_000,
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopOwnServer(instance, "SIGKILL")));
    await simulator?.close();
    await database?.drop();
  }, 60_000);

  it("makes one refresh of two requests at once, each account read once", async () => {
    const [a, b] = instances;
    const onA = await signInAs(a!.client(), adminEmail, adminPassword);
    const onB = await signInAs(b!.client(), adminEmail, adminPassword);
    await simulator.control("POST", "/requests/reset");
    const answers = await Promise.all([onA, onB].map((client) => client.post("/api/balances/refresh", {})));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as {
      data: BalanceRefresh;
      alreadyRunning: boolean;
    }[];
    expect(bodies[0]!.data.id).toBe(bodies[1]!.data.id);
    expect(bodies.filter((body) => body.alreadyRunning)).toHaveLength(1);
    const ended = await waitForEnd(onB, bodies[0]!.data.id);
    expect(ended).toMatchObject({ status: "succeeded", total: readable, done: readable, failed: 0 });
    const counts = await simulator.control<Record<string, number>>("GET", "/requests");
    expect(counts.RetrieveManagedAccount).toBe(readable);
    expect(await snapshotsOf(ended.id)).toEqual({ rows: readable, accounts: readable });
  }, 120_000);

  it("finishes a refresh whose driver was killed, reading no account twice", async () => {
    const [a, b] = instances;
    const onA = await signInAs(a!.client(), adminEmail, adminPassword);
    const started = await onA.post("/api/balances/refresh", {});
    const { data } = (await started.json()) as { data: BalanceRefresh };
    // Half way, kill -9 whichever instance drives it.
    for (let tries = 0; tries < 200; tries++) {
      const latest = await onA.getJson<{ data: BalanceRefresh }>("/api/balances/refresh");
      if (latest.data.done >= readable / 3) break;
      await sleep(100);
    }
    const driver = instances.find((instance) => instance.log().includes(`"refreshId":"${data.id}"`));
    expect(driver).toBeDefined();
    const survivor = driver === a ? b! : a!;
    await stopOwnServer(driver, "SIGKILL");
    const midway = await snapshotsOf(data.id);
    expect(midway.accounts).toBeLessThan(readable);
    const onSurvivor = await signInAs(survivor.client(), adminEmail, adminPassword);
    const ended = await waitForEnd(onSurvivor, data.id);
    expect(ended).toMatchObject({ status: "succeeded", total: readable, done: readable });
    expect(await snapshotsOf(data.id)).toEqual({ rows: readable, accounts: readable });
    expect(survivor.log()).toContain(`"refreshId":"${data.id}"`);
  }, 120_000);
});
