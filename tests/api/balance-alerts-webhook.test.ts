import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/webhooks/sign";
import type { ApiClient } from "../support/api-client";
import { sleep } from "../support/audit-rows";
import { startLiveSimulator, type LiveSimulator } from "../support/live-sim";
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

// A real webhook receiver (node:http on a spare port) behind a console of the test's own: a balance set
// below the threshold at "Telnyx" (the simulator) produces exactly one signed balance.low after the next
// refresh, raising it one balance.recovered, and a receiver that fails twice gets the event once, on the
// third attempt, with all three attempts in the delivery log.
const adminEmail = "alerts-admin@example.com";
const adminPassword = `alerts-${randomUUID()}`;
const telnyxKey = `KEY0ALERT${randomBytes(12).toString("hex").toUpperCase()}`;
const secret = `whsec-${randomBytes(16).toString("hex")}`;
const dataDir = ownDataDir("balance-alerts");

interface Received {
  body: string;
  signature: string | undefined;
  answered: number;
  event: { id: string; type: string; account: { id: string }; balance: { amount: string }; text: string };
}

const received: Received[] = [];
let failuresLeft = 0;
let receiver: Server;
let simulator: LiveSimulator;
let server: OwnServer | undefined;
let admin: ApiClient;
let accountId: string;

function startReceiver(port: number): Promise<Server> {
  const http = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const answered = failuresLeft > 0 ? 503 : 204;
      if (failuresLeft > 0) failuresLeft--;
      const signature = request.headers["x-subdesk-signature"];
      received.push({ body, signature: signature as string | undefined, answered, event: JSON.parse(body) });
      response.writeHead(answered).end();
    });
  });
  return new Promise((resolve) => http.listen(port, "127.0.0.1", () => resolve(http)));
}

const eventsFor = (type: string) =>
  received.filter((entry) => entry.event.type === type && entry.event.account.id === accountId);

async function setBalance(balance: string) {
  await simulator.control("POST", `/accounts/${accountId}/balance`, { balance });
}

/** Starts a refresh as the admin and waits for it to end. */
async function refresh() {
  const started = await admin.post("/api/balances/refresh", {});
  expect(started.status).toBe(202);
  const { data } = (await started.json()) as { data: { id: string } };
  for (let tries = 0; tries < 300; tries++) {
    const latest = await admin.getJson<{ data: { id: string; status: string } }>("/api/balances/refresh");
    if (latest.data.id === data.id && !["queued", "running"].includes(latest.data.status)) return;
    await sleep(100);
  }
  throw new Error("The refresh did not end.");
}

async function waitFor(check: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(100);
}

beforeAll(async () => {
  receiver = await startReceiver(sparePort(10));
  simulator = await startLiveSimulator(telnyxKey, { accounts: 8, users: 2 });
  const accounts = (
    await simulator.control<{ data: { id: string; rollup_billing: boolean }[] }>("GET", "/state/accounts")
  ).data.filter((account) => !account.rollup_billing);
  accountId = accounts[0]!.id;
  // Everyone well above the line, so only the account under test raises anything.
  for (const account of accounts) {
    await simulator.control("POST", `/accounts/${account.id}/balance`, { balance: "1000.00" });
  }
  server = await startOwnServer({
    port: sparePort(11),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      TELNYX_API_KEY: telnyxKey,
      TELNYX_BASE_URL: simulator.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // Password sign-in alone for the bootstrap admin (live mode asks admins for MFA by default).
      SUBDESK_REQUIRE_MFA: "none",
      SUBDESK_BALANCE_MAX_RPS: "50",
      SUBDESK_LOW_BALANCE_THRESHOLD: "50",
      SUBDESK_ALERT_WEBHOOK_URL: `http://127.0.0.1:${sparePort(10)}/hooks/subdesk`,
      SUBDESK_ALERT_WEBHOOK_SECRET: secret,
      // Retries half a second apart (doubling) rather than 30 s, so three attempts fit in a test.
      SUBDESK_WEBHOOK_RETRY_BASE_MS: "500",
    },
  });
  admin = await signInAs(server.client(), adminEmail, adminPassword);
  await refresh();
}, 150_000);

afterAll(async () => {
  await stopOwnServer(server, "SIGKILL");
  await simulator?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("low-balance webhooks to a real receiver", () => {
  it("sends exactly one signed balance.low after the refresh that sees the balance below the threshold", async () => {
    expect(received).toEqual([]);
    await setBalance("10.00");
    await refresh();
    await waitFor(() => eventsFor("balance.low").length > 0);
    // A second refresh still below the line raises nothing new.
    await refresh();
    await sleep(2_500);
    const lows = eventsFor("balance.low");
    expect(lows).toHaveLength(1);
    const [low] = lows;
    expect(verifyWebhook(secret, low!.body, low!.signature)).toEqual({ isValid: true });
    expect(verifyWebhook("not-the-secret-at-all", low!.body, low!.signature)).toMatchObject({
      isValid: false,
    });
    expect(low!.event).toMatchObject({
      type: "balance.low",
      balance: { amount: "10.00" },
      threshold: "50.00",
    });
    expect(low!.event.text).toContain("below its threshold of 50.00");
    // The secret never reaches the server's log.
    expect(server!.log()).not.toContain(secret);
  });

  it("sends one balance.recovered once the balance is back above the threshold plus the margin", async () => {
    await setBalance("52.00");
    await refresh();
    await sleep(1_500);
    expect(eventsFor("balance.recovered")).toHaveLength(0);
    await setBalance("80.00");
    await refresh();
    await waitFor(() => eventsFor("balance.recovered").length > 0);
    await sleep(1_500);
    expect(eventsFor("balance.recovered")).toHaveLength(1);
    const alerts = await admin.getJson<{ data: { type: string; accountId: string }[] }>(
      "/api/alerts?status=all",
    );
    expect(alerts.data.filter((alert) => alert.accountId === accountId).map((alert) => alert.type)).toEqual([
      "balance.recovered",
      "balance.low",
    ]);
  });

  it("delivers once through a receiver that fails twice, with the three attempts in the log", async () => {
    const earlier = eventsFor("balance.low").length;
    failuresLeft = 2;
    await setBalance("5.00");
    await refresh();
    await waitFor(() =>
      eventsFor("balance.low")
        .slice(earlier)
        .some((entry) => entry.answered === 204),
    );
    await sleep(2_000);
    const attempts = eventsFor("balance.low").slice(earlier);
    expect(attempts.map((entry) => entry.answered)).toEqual([503, 503, 204]);
    // Every attempt carries the same event (a receiver de-duplicates by id), each freshly signed.
    expect(new Set(attempts.map((entry) => entry.event.id)).size).toBe(1);
    for (const entry of attempts)
      expect(verifyWebhook(secret, entry.body, entry.signature).isValid).toBe(true);
    const log = await admin.getJson<{
      data: {
        eventId: string;
        status: string;
        attempts: number;
        url: string;
        attemptLog: { statusCode: number }[];
      }[];
    }>("/api/webhook-deliveries");
    const delivery = log.data.find((row) => row.eventId === attempts[0]!.event.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3 });
    expect(delivery?.attemptLog.map((attempt) => attempt.statusCode)).toEqual([503, 503, 204]);
    expect(JSON.stringify(log)).not.toContain(secret);
  });
});

describe("a webhook URL without its secret", () => {
  it("stops the console at start-up, saying which setting is missing", async () => {
    const failingDir = ownDataDir("alerts-no-secret");
    const result = await runUntilExit({
      port: sparePort(12),
      dataDir: failingDir,
      logFile: path.join(failingDir, "server.log"),
      env: {
        ...cleanEnv(),
        SIM_PORT: String(sparePort(13)),
        SUBDESK_ALERT_WEBHOOK_URL: "http://127.0.0.1:9/hooks",
      },
    });
    expect(result.code).not.toBe(0);
    expect(result.log).toContain("SUBDESK_ALERT_WEBHOOK_SECRET must be set");
  });
});
