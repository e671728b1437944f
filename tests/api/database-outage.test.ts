import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "pg";
import { createDatabase } from "@/lib/db/connection";
import { startSimulator, type Simulator } from "@/lib/sim";
import { postCredentials, type ApiClient } from "../support/api-client";
import { waitFor } from "../support/audit-rows";
import {
  cleanEnv,
  ownDataDir,
  runUntilExit,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";
import { createPostgresCluster, type PostgresCluster } from "../support/postgres-cluster";

// Live mode on a PostgreSQL cluster of this file's own: two instances first started at the same moment on
// its empty database (both must come up, one admin), then the cluster is stopped under them and started
// again: requests answer 503 and reach no upstream while it is gone, and the console recovers by itself.

const adminEmail = "outage-admin@example.com";
const adminPassword = `outage-${randomUUID()}`;
const simulatorKey = `KEY0OUTAGE${randomBytes(12).toString("hex")}`;

let cluster: PostgresCluster;
let simulator: Simulator;
let servers: OwnServer[] = [];
let admin: ApiClient;

function liveEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    DATABASE_URL: databaseUrl,
    TELNYX_API_KEY: simulatorKey,
    TELNYX_BASE_URL: simulator.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
    SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
    // Fail fast while the server is gone, so the test measures our answer, not a connect timeout.
    DATABASE_CONNECT_TIMEOUT_MS: "2000",
  };
}

async function simulatorAccount(status: string): Promise<{ id: string; status: string }> {
  const base = simulator.url.replace(/\/v2$/, "");
  const state = (await (await fetch(`${base}/__sim/state/accounts`)).json()) as {
    data: { id: string; status: string }[];
  };
  return state.data.find((account) => account.status === status)!;
}

async function accountStatus(id: string): Promise<string | undefined> {
  const base = simulator.url.replace(/\/v2$/, "");
  const state = (await (await fetch(`${base}/__sim/state/accounts`)).json()) as {
    data: { id: string; status: string }[];
  };
  return state.data.find((account) => account.id === id)?.status;
}

beforeAll(async () => {
  cluster = await createPostgresCluster(sparePort(6));
  simulator = await startSimulator({
    apiKey: simulatorKey,
    port: sparePort(5),
    accounts: 12,
    users: 6,
    control: true,
  });
  const env = liveEnv(cluster.url);
  // Two processes never reach the bootstrap at exactly the same moment by themselves. So the schema is
  // made first and the staff table held locked: both starts then queue on their first look at it and are
  // released together, the same moment, on a database with no staff, with the same bootstrap variables.
  await (await createDatabase({ url: cluster.url })).close();
  const gate = new Client({ connectionString: cluster.url });
  await gate.connect();
  await gate.query("begin; lock table staff in access exclusive mode");
  const starting = [0, 1].map((n) => {
    const dataDir = ownDataDir(`outage-${n}`);
    return startOwnServer({ port: sparePort(n), dataDir, logFile: path.join(dataDir, "server.log"), env });
  });
  try {
    await waitFor(
      async () => {
        const [row] = await cluster.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock'",
        );
        return (row?.waiting ?? 0) >= 2 ? true : undefined;
      },
      90_000,
      "both starts to wait on the staff table",
    );
  } finally {
    await gate.query("rollback");
    await gate.end();
  }
  const started = await Promise.allSettled(starting);
  // Kept for afterAll even when one of them failed, so none is left running.
  servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
  for (const result of started) if (result.status === "rejected") throw result.reason;
  admin = await signInAs(servers[0]!.client(), adminEmail, adminPassword);
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => stopOwnServer(server)));
  await simulator?.close();
  cluster?.destroy();
});

describe("two first starts at the same moment on one empty PostgreSQL database", () => {
  it("both come up, with exactly one bootstrap admin", async () => {
    for (const server of servers) {
      const health = await server.client().get("/api/health");
      expect(health.status).toBe(200);
      expect(server.log()).not.toMatch(/already exists|could not start/);
    }
    const people = await cluster.query<{ email: string; role: string }>("select email, role from staff");
    expect(people).toEqual([{ email: adminEmail, role: "admin" }]);
  });
});

describe("PostgreSQL going away while the console runs", () => {
  it("answers 503 without calling Telnyx, says database down, and recovers when it returns", async () => {
    const account = await simulatorAccount("enabled");
    const disable = () =>
      admin.post(`/api/managed-accounts/${account.id}/disable`, { reason: "database outage test" });

    cluster.stop();
    try {
      const health = await admin.get("/api/health");
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ database: { ok: false, status: "down" } });

      // A mutation: its intent row cannot be written, so it must not reach Telnyx.
      const refused = await disable();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/database/i);
      expect(await accountStatus(account.id)).toBe("enabled");

      // A read needs the session check, which needs the database: 503, not 500 and not a 401.
      const list = await admin.get("/api/managed-accounts");
      expect(list.status).toBe(503);
      expect(((await list.json()) as { error: { code: string } }).error.code).toBe("unavailable");

      // next-auth's own session check must not end the session over an outage (it clears the cookie of
      // any session it cannot confirm): the person is still signed in once the database returns.
      const session = await admin.get("/api/auth/session");
      expect(session.status).not.toBe(500);
      await session.arrayBuffer();
      expect(admin.hasCookie((name) => name.endsWith("subdesk.session"))).toBe(true);

      // A sign-in cannot be checked: 503 in our envelope, not "wrong password" with the failed SQL in its URL.
      const signInAttempt = await postCredentials(servers[1]!.client(), adminEmail, adminPassword);
      expect(signInAttempt.status).toBe(503);
      const signInText = await signInAttempt.text();
      expect(JSON.parse(signInText)).toMatchObject({
        error: { code: "unavailable" },
        url: expect.stringContaining("error=unavailable"),
      });
      expect(signInText).not.toMatch(/query|insert|select/i);

      // Both instances stay up, and neither logs the database password.
      for (const server of servers) {
        expect(server.child.exitCode).toBeNull();
        expect(server.log()).not.toContain(cluster.password);
      }
    } finally {
      cluster.start();
    }

    // The pool reconnects by itself: no restart of the console.
    await waitFor(
      async () => ((await admin.get("/api/health")).status === 200 ? true : undefined),
      30_000,
      "the console to see the database again",
    );
    const done = await disable();
    expect(done.status).toBe(200);
    expect(await accountStatus(account.id)).toBe("disabled");
    const other = await servers[1]!.client().get("/api/health");
    expect(other.status).toBe(200);
    // Only the successful attempt left an audit row: the refused one wrote nothing and called nothing.
    const rows = await cluster.query<{ outcome: string }>(
      `select outcome from audit_events where action = 'account.disable' and target_id = '${account.id}'`,
    );
    expect(rows).toEqual([{ outcome: "success" }]);
  }, 90_000);
});

describe("a PostgreSQL that refuses the console at start", () => {
  it("exits non-zero naming host, port and database and the cause, never the password", async () => {
    const dataDir = ownDataDir("refused-login");
    const wrongPassword = `wrong-${randomBytes(8).toString("hex")}`;
    const refusedUrl = cluster.url.replace(`:${cluster.password}@`, `:${wrongPassword}@`);
    const result = await runUntilExit({
      port: sparePort(2),
      dataDir,
      logFile: path.join(dataDir, "server.log"),
      env: liveEnv(refusedUrl),
      timeoutMs: 30_000,
    });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.log).toContain(`PostgreSQL at 127.0.0.1:${cluster.port}/subdesk`);
    expect(result.log).toMatch(/password authentication failed/);
    expect(result.log).not.toContain(wrongPassword);
  }, 60_000);
});
