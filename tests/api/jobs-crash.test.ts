import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api-client";
import { listAuditRows, sleep } from "../support/audit-rows";
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
import { createJob, getJob, jobItems, waitForEnd } from "./jobs-fixtures";

// A console killed with kill -9 in the middle of a bulk disable, then started again on the same data: the
// job resumes where it stopped, every account is disabled exactly once at "Telnyx" (the simulator, which
// lives outside the killed process), and the counts and audit rows show each item once.
const adminEmail = "jobs-crash-admin@example.com";
const adminPassword = `crash-${randomUUID()}`;
const telnyxKey = `KEY0CRASH${randomBytes(12).toString("hex").toUpperCase()}`;
const dataDir = ownDataDir("jobs-crash");
const authSecret = randomBytes(32).toString("base64url");

let simulator: LiveSimulator;
let server: OwnServer | undefined;

const start = () =>
  startOwnServer({
    port: sparePort(4),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      TELNYX_API_KEY: telnyxKey,
      TELNYX_BASE_URL: simulator.url,
      NEXTAUTH_SECRET: authSecret,
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // Slow enough to be killed half way, fast enough for the suite.
      SUBDESK_BULK_MAX_RPS: "8",
    },
  });

beforeAll(async () => {
  simulator = await startLiveSimulator(telnyxKey, { accounts: 45, users: 3 });
}, 60_000);

afterAll(async () => {
  await stopOwnServer(server, "SIGKILL");
  await simulator?.close();
});

describe("kill -9 in the middle of a bulk disable", () => {
  it("resumes after a restart with the same counts and nothing applied twice", async () => {
    server = await start();
    let admin: ApiClient = await signInAs(server.client(), adminEmail, adminPassword);
    const accounts = (
      await simulator.control<{ data: { id: string; status: string }[] }>("GET", "/state/accounts")
    ).data
      .filter((account) => account.status === "enabled")
      .slice(0, 24);
    expect(accounts).toHaveLength(24);
    await simulator.control("POST", "/requests/reset");

    const job = await createJob(admin, {
      action: "account.disable",
      target: { ids: accounts.map((account) => account.id) },
    });
    // Killed once about a third is done.
    for (let tries = 0; tries < 200 && (await getJob(admin, job.id)).done < 8; tries++) await sleep(50);
    await stopOwnServer(server, "SIGKILL");
    const counts = await simulator.control<Record<string, number>>("GET", "/requests");
    const disabledAtKill = counts.DisableManagedAccount ?? 0;
    expect(disabledAtKill).toBeGreaterThan(0);
    expect(disabledAtKill).toBeLessThan(24);

    server = await start();
    admin = await signInAs(server.client(), adminEmail, adminPassword);
    const ended = await waitForEnd(admin, job.id, 60_000);
    expect(ended).toMatchObject({ status: "succeeded", total: 24, done: 24, failed: 0, cancelled: 0 });

    const after = await simulator.control<Record<string, number>>("GET", "/requests");
    expect(after.DisableManagedAccount).toBe(24);
    const states = new Map(
      (
        await simulator.control<{ data: { id: string; status: string }[] }>("GET", "/state/accounts")
      ).data.map((account) => [account.id, account.status]),
    );
    expect(accounts.every((account) => states.get(account.id) === "disabled")).toBe(true);
    expect((await jobItems(admin, job.id)).every((item) => item.status === "done")).toBe(true);

    // One row per item (the one in flight at the kill completed on resume, not written again).
    const rows = (await listAuditRows(admin, { action: "account.disable", pageSize: 100 })).filter(
      (row) => row.requestId === `job-${job.id}`,
    );
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((row) => row.targetId)).size).toBe(24);
    expect(rows.every((row) => row.outcome === "success")).toBe(true);
  }, 180_000);
});
