import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { createJob, waitForEnd } from "./jobs-fixtures";

// Two console instances on one PostgreSQL, both running pg-boss workers. Slices are short, so the job's
// driver is handed from delivery to delivery (and so between instances) many times: the lease must keep
// it to one driver at a time, and every account must be disabled exactly once.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const adminEmail = "jobs-multi-admin@example.com";
const adminPassword = `multi-${randomUUID()}`;
const telnyxKey = `KEY0JOBS${randomBytes(12).toString("hex").toUpperCase()}`;

let simulator: LiveSimulator;
let database: FreshDatabase;
const instances: OwnServer[] = [];

describe.skipIf(!TEST_DATABASE_URL)("two instances on one PostgreSQL share bulk jobs", () => {
  beforeAll(async () => {
    simulator = await startLiveSimulator(telnyxKey, { accounts: 40, users: 3 });
    database = await createFreshDatabase(TEST_DATABASE_URL!, "subdesk_jobs");
    const env = {
      ...cleanEnv(),
      TELNYX_API_KEY: telnyxKey,
      TELNYX_BASE_URL: simulator.url,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      SUBDESK_BULK_MAX_RPS: "20",
      SUBDESK_JOB_SLICE_MS: "400",
    };
    // One after the other: the first migrates, the second finds it done.
    for (const name of ["a", "b"]) {
      const dataDir = ownDataDir(`jobs-multi-${name}`);
      instances.push(
        await startOwnServer({
          port: sparePort(8 + instances.length),
          dataDir,
          logFile: path.join(dataDir, "server.log"),
          env,
          timeoutMs: 90_000,
        }),
      );
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopOwnServer(instance)));
    await simulator?.close();
    await database?.drop();
  }, 60_000);

  it("never runs one job twice: each account disabled exactly once, each item counted once", async () => {
    const [a, b] = instances;
    const onA = await signInAs(a!.client(), adminEmail, adminPassword);
    const onB = await signInAs(b!.client(), adminEmail, adminPassword);
    const accounts = (
      await simulator.control<{ data: { id: string; status: string }[] }>("GET", "/state/accounts")
    ).data
      .filter((account) => account.status === "enabled")
      .slice(0, 20);
    await simulator.control("POST", "/requests/reset");
    const job = await createJob(onA, {
      action: "account.disable",
      target: { ids: accounts.map((x) => x.id) },
    });
    const ended = await waitForEnd(onB, job.id, 60_000);
    expect(ended).toMatchObject({ status: "succeeded", done: 20, failed: 0 });
    const counts = await simulator.control<Record<string, number>>("GET", "/requests");
    expect(counts.DisableManagedAccount).toBe(20);
    const rows = await database.query<{ count: string }>(
      `SELECT count(*) FROM audit_events WHERE request_id = 'job-${job.id}' AND action = 'account.disable'`,
    );
    expect(Number(rows[0]!.count)).toBe(20);
    // Short slices handed the job on through pg-boss many times, to whichever instance fetched it.
    const drivers = await database.query<{ count: string }>(
      `SELECT count(*) FROM pgboss.job WHERE name = 'subdesk-bulk-jobs' AND data->>'jobId' = '${job.id}'`,
    );
    expect(Number(drivers[0]!.count)).toBeGreaterThan(1);
  }, 120_000);
});
