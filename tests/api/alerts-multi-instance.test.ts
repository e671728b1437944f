import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/sign";
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

// Two console instances on one PostgreSQL, both running webhook workers and the overdue sweep (every second
// here, so wake-ups are re-sent often): a receiver that fails its first answers still sees each alert
// delivered once, and every request it got is one attempt in the delivery log, none made twice.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const adminEmail = "alerts-multi-admin@example.com";
const adminPassword = `multi-${randomUUID()}`;
const telnyxKey = `KEY0ALM${randomBytes(12).toString("hex").toUpperCase()}`;
const secret = `whsec-${randomBytes(16).toString("hex")}`;

interface Hit {
  eventId: string;
  answered: number;
  isSigned: boolean;
}

let simulator: LiveSimulator;
let database: FreshDatabase;
let receiver: Server;
const instances: OwnServer[] = [];
const hits: Hit[] = [];
let failuresLeft = 4;

describe.skipIf(!TEST_DATABASE_URL)("alert webhooks from two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const answered = failuresLeft-- > 0 ? 500 : 200;
        const signature = request.headers["x-subdesk-signature"] as string | undefined;
        hits.push({
          eventId: (JSON.parse(body) as { id: string }).id,
          answered,
          isSigned: verifyWebhook(secret, body, signature).isValid,
        });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(sparePort(20), "127.0.0.1", resolve));
    simulator = await startLiveSimulator(telnyxKey, { accounts: 12, users: 2 });
    const accounts = (
      await simulator.control<{ data: { id: string; rollup_billing: boolean; status: string }[] }>(
        "GET",
        "/state/accounts",
      )
    ).data.filter((account) => !account.rollup_billing && account.status !== "cancelled");
    for (const [index, account] of accounts.entries()) {
      await simulator.control("POST", `/accounts/${account.id}/balance`, {
        balance: index < 3 ? "5.00" : "900.00",
      });
    }
    database = await createFreshDatabase(TEST_DATABASE_URL!, "subdesk_alerts");
    const env = {
      ...cleanEnv(),
      TELNYX_API_KEY: telnyxKey,
      TELNYX_BASE_URL: simulator.url,
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      SUBDESK_REQUIRE_MFA: "none",
      SUBDESK_BALANCE_MAX_RPS: "50",
      SUBDESK_ALERT_WEBHOOK_URL: `http://127.0.0.1:${sparePort(20)}/hook`,
      SUBDESK_ALERT_WEBHOOK_SECRET: secret,
      SUBDESK_WEBHOOK_RETRY_BASE_MS: "300",
      SUBDESK_WEBHOOK_SWEEP_MS: "1000",
    };
    for (const name of ["a", "b"]) {
      const dataDir = ownDataDir(`alerts-multi-${name}`);
      instances.push(
        await startOwnServer({
          port: sparePort(21 + instances.length),
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
    await new Promise((resolve) => receiver?.close(resolve));
  }, 60_000);

  it("delivers each alert once and makes each logged attempt once", async () => {
    const admin = await signInAs(instances[0]!.client(), adminEmail, adminPassword);
    const started = await admin.post("/api/balances/refresh", {});
    expect(started.status).toBe(202);
    const delivered = () => new Set(hits.filter((hit) => hit.answered === 200).map((hit) => hit.eventId));
    for (let tries = 0; tries < 300 && delivered().size < 3; tries++) await sleep(100);
    // Both instances' sweeps get a few more rounds to send anything twice.
    await sleep(3_000);

    expect(delivered().size).toBe(3);
    expect(hits.filter((hit) => hit.answered === 200)).toHaveLength(3);
    expect(hits.every((hit) => hit.isSigned)).toBe(true);
    const alerts = await database.query<{ count: string }>("SELECT count(*) AS count FROM balance_alerts");
    expect(Number(alerts[0]!.count)).toBe(3);
    const logged = await database.query<{
      event_id: string;
      attempts: string;
      status: string;
      logged: string;
    }>(
      `SELECT d.event_id, d.attempts, d.status, (SELECT count(*) FROM webhook_delivery_attempts a WHERE a.delivery_id = d.id) AS logged
         FROM webhook_deliveries d`,
    );
    expect(logged).toHaveLength(3);
    for (const row of logged) {
      const received = hits.filter((hit) => hit.eventId === row.event_id).length;
      expect(row).toMatchObject({ status: "delivered" });
      expect(Number(row.attempts)).toBe(received);
      expect(Number(row.logged)).toBe(received);
    }
    // The four failures were retried, so some attempts came after one or more 500s.
    expect(hits.length).toBe(3 + 4);
  });
});
