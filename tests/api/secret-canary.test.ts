import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/lib/sim";
import type { ApiClient } from "../support/api-client";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";
import { apiRouteKeys } from "../support/route-files";
import { readServerLog } from "../support/server-log";
import { totpCode } from "../support/mfa";

// Canary secrets: a live-mode server of our own is pointed at a simulator we start, with a TELNYX_API_KEY
// we chose. Every answer of every route (and the pages that prefetch through the same code) and all the
// server's output are then searched for that key and for every sub-account api_key/api_token the
// simulator holds. The one create answer may show its own new key; nothing else may.

const canaryKey = `KEY0CANARY${randomBytes(12).toString("hex").toUpperCase()}_${randomBytes(8).toString("base64url")}`;
const adminEmail = "canary-admin@example.com";
const adminPassword = `canary-${randomUUID()}`;

let simulator: Simulator;
let server: OwnServer;
let admin: ApiClient;
const secrets = new Set<string>();
// The alert webhook's signing secret and a token in its URL's query: neither may show anywhere either.
const webhookSecret = `whsec-canary-${randomBytes(12).toString("hex")}`;
const webhookToken = `hooktoken${randomBytes(8).toString("hex")}`;
const metricsToken = `metrics-canary-${randomBytes(12).toString("hex")}`;
const findings: string[] = [];
const answered: string[] = [];

async function telnyx<T>(simulatorUrl: string, key: string, route: string): Promise<T> {
  const response = await fetch(`${simulatorUrl}${route}`, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`${route} answered ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

/** Every sub-account secret a simulator holds, read the way only a holder of its key can. */
async function subAccountSecrets(simulatorUrl: string, key: string): Promise<string[]> {
  const found: string[] = [];
  for (let page = 1; ; page++) {
    const list = await telnyx<{ id: string }[]>(
      simulatorUrl,
      key,
      `/managed_accounts?page[number]=${page}&page[size]=250&include_cancelled_accounts=true`,
    );
    for (const { id } of list) {
      const detail = await telnyx<{ api_key: string; api_token: string }>(
        simulatorUrl,
        key,
        `/managed_accounts/${id}`,
      );
      found.push(detail.api_key, detail.api_token);
    }
    if (list.length < 250) return found;
  }
}

function scan(where: string, text: string, allowed: string[] = []) {
  for (const secret of [canaryKey, ...secrets]) {
    if (allowed.includes(secret)) continue;
    if (text.includes(secret))
      findings.push(`${where} contains ${secret === canaryKey ? "TELNYX_API_KEY" : "a sub-account secret"}`);
  }
}

async function record(label: string, response: Response, allowed: string[] = []): Promise<string> {
  const body = await response.text();
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join("\n");
  scan(`${label} (${response.status})`, `${headers}\n${body}`, allowed);
  answered.push(`${label} ${response.status}`);
  return body;
}

beforeAll(async () => {
  simulator = await startSimulator({
    apiKey: canaryKey,
    port: sparePort(5),
    accounts: 40,
    users: 30,
    control: true,
  });
  for (const secret of await subAccountSecrets(simulator.url, canaryKey)) secrets.add(secret);
  const dataDir = ownDataDir("canary");
  server = await startOwnServer({
    port: sparePort(4),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      TELNYX_API_KEY: canaryKey,
      TELNYX_BASE_URL: simulator.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      SUBDESK_BOOTSTRAP_ADMIN_EMAIL: adminEmail,
      SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // Nothing listens there: deliveries fail and retry, so their log and errors are scanned too.
      SUBDESK_ALERT_WEBHOOK_URL: `http://127.0.0.1:${sparePort(19)}/hooks?token=${webhookToken}`,
      SUBDESK_ALERT_WEBHOOK_SECRET: webhookSecret,
      // Making an admin waits for a second person: the approval routes are driven below.
      SUBDESK_APPROVAL_POLICY: "staff.make_admin",
      // The operator's scraper reads /api/metrics with this token; its output is scanned like any answer.
      SUBDESK_METRICS_TOKEN: metricsToken,
    },
  });
  secrets.add(webhookSecret);
  secrets.add(webhookToken);
  secrets.add(metricsToken);
  admin = await signInAs(server.client(), adminEmail, adminPassword);
}, 180_000);

afterAll(async () => {
  await stopOwnServer(server);
  await simulator?.close();
});

describe("with canary secrets in live mode", () => {
  it("runs in live mode against our simulator", async () => {
    const health = await admin.getJson<{ mode: string; upstream: { reachable: boolean; status: number } }>(
      "/api/health",
    );
    expect(health).toMatchObject({ mode: "live", upstream: { reachable: true, status: 200 } });
    // Two of each seeded account's (40), the alert webhook's secret and URL token, the metrics token.
    expect(secrets.size).toBe(83);
  });

  it("leaks no secret through any API answer, page or the server's output", async () => {
    const simBase = simulator.url.replace(/\/v2$/, "");
    const accounts = (await (await fetch(`${simBase}/__sim/state/accounts`)).json()) as {
      data: { id: string; status: string }[];
    };
    const users = (await (await fetch(`${simBase}/__sim/state/users`)).json()) as {
      data: { id: string; email: string; record_type: string }[];
    };
    const accountId = accounts.data.find((account) => account.status === "enabled")!.id;
    const subUsers = users.data.filter((user) => user.record_type === "organization_sub_user");
    const reason = "canary scan";

    // Mutations first, so the reads afterwards show what they changed.
    const created = await admin.post(
      "/api/managed-accounts",
      { businessName: "Canary Co", email: `canary-${randomUUID()}@example.com`, password: "canary-pass-123" },
      { headers: { "Idempotency-Key": randomUUID() } },
    );
    const createdBody = JSON.parse(await created.clone().text()) as { data: { id: string; apiKey: string } };
    expect(created.status).toBe(200);
    const createdDetail = await telnyx<{ api_key: string; api_token: string }>(
      simulator.url,
      canaryKey,
      `/managed_accounts/${createdBody.data.id}`,
    );
    expect(createdBody.data.apiKey).toBe(createdDetail.api_key);
    secrets.add(createdDetail.api_key);
    secrets.add(createdDetail.api_token);
    // The scan can see a real secret: the create answer does carry the new key.
    expect(await created.clone().text()).toContain(createdDetail.api_key);
    await record("POST /api/managed-accounts (the one answer allowed to show its own key)", created, [
      createdDetail.api_key,
    ]);
    // A replay with the same key answers the stored result: that must not show the key again.
    const mutationsDone = new Set(["POST /api/managed-accounts"]);
    const send = async (key: string, pathName: string, body: unknown) => {
      const [method = ""] = key.split(" ");
      mutationsDone.add(key);
      return record(key, await admin.request(method, pathName, { json: body }));
    };
    await send("PATCH /api/managed-accounts/[id]", `/api/managed-accounts/${accountId}`, {
      allowCustomPricing: true,
      reason,
    });
    await send("POST /api/managed-accounts/[id]/disable", `/api/managed-accounts/${accountId}/disable`, {
      reason,
    });
    await send("POST /api/managed-accounts/[id]/enable", `/api/managed-accounts/${accountId}/enable`, {
      reason,
    });
    await send(
      "PUT /api/managed-accounts/[id]/channel-limit",
      `/api/managed-accounts/${accountId}/channel-limit`,
      {
        channelLimit: 1,
        reason,
      },
    );
    await send(
      "PUT /api/managed-accounts/[id]/alert-threshold",
      `/api/managed-accounts/${accountId}/alert-threshold`,
      { threshold: "25", reason },
    );
    // A selection of unknown alerts acknowledges nothing (one raised by the refresh is acknowledged below).
    await send("POST /api/alerts/acknowledge", "/api/alerts/acknowledge", { ids: [randomUUID()] });
    const removed = subUsers[0]!;
    await send("POST /api/org-users/[id]/remove", `/api/org-users/${removed.id}/remove`, {
      reason,
      confirmEmail: removed.email,
    });
    // Bulk jobs through the same code as the single actions; their items, CSV and controls are read below.
    // One fails (an id Telnyx does not know) and is retried; one is cancelled while Telnyx is slow.
    const failingBody = await send("POST /api/jobs", "/api/jobs", {
      action: "account.pricing",
      target: { ids: [randomUUID()] },
      params: { allowCustomPricing: false },
      reason,
    });
    const jobId = (JSON.parse(failingBody) as { data: { id: string } }).data.id;
    for (let tries = 0; tries < 100; tries++) {
      const { data } = (await (await admin.get(`/api/jobs/${jobId}`)).json()) as { data: { status: string } };
      if (!["queued", "running"].includes(data.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await send("POST /api/jobs/[id]/retry-failed", `/api/jobs/${jobId}/retry-failed`, undefined);
    await fetch(`${simBase}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ operation: "UpdateManagedAccount", kind: "latency", ms: 2_000, times: 1 }),
    });
    const slowBody = await send("POST /api/jobs", "/api/jobs", {
      action: "account.pricing",
      target: { ids: [accountId] },
      params: { allowCustomPricing: false },
      reason,
    });
    const slowId = (JSON.parse(slowBody) as { data: { id: string } }).data.id;
    await send("POST /api/jobs/[id]/cancel", `/api/jobs/${slowId}/cancel`, undefined);
    // Step-up with the password again (before the admin turns MFA on below).
    await send("POST /api/auth/step-up", "/api/auth/step-up", { password: adminPassword });
    if (apiRouteKeys().includes("POST /api/staff")) {
      const staffBody = await send("POST /api/staff", "/api/staff", {
        email: `canary-staff-${randomUUID()}@example.com`,
        name: "Canary Staff",
        role: "viewer",
        password: `staff-${randomUUID()}`,
      });
      const staffId = (JSON.parse(staffBody) as { data?: { id?: string } }).data?.id ?? randomUUID();
      await send("PATCH /api/staff/[id]", `/api/staff/${staffId}`, { role: "support" });
      // The admin's own two-factor set-up (its answer shows the TOTP secret, never a Telnyx one), and a reset.
      const enrolBody = await send("POST /api/mfa/enrol", "/api/mfa/enrol", {});
      const { secret } = (JSON.parse(enrolBody) as { data: { secret: string } }).data;
      await send("POST /api/mfa/confirm", "/api/mfa/confirm", { code: totpCode(secret) });
      await send("POST /api/staff/[id]/mfa-reset", `/api/staff/${staffId}/mfa-reset`, { reason });
    }
    // Two-person approval (this server holds back making an admin): break-glass while the admin is alone,
    // reviewed by the new second admin, who then approves one request; the requester withdraws another.
    const person = async (name: string, password: string) => {
      const email = `canary-${name}-${randomUUID()}@example.com`;
      const body = await send("POST /api/staff", "/api/staff", { email, name, role: "viewer", password });
      return { email, id: (JSON.parse(body) as { data: { id: string } }).data.id };
    };
    const askAdmin = async (id: string) =>
      (
        JSON.parse(await send("PATCH /api/staff/[id]", `/api/staff/${id}`, { role: "admin" })) as {
          data: { approval: { id: string } };
        }
      ).data.approval.id;
    const secondPassword = `second-${randomUUID()}`;
    const second = await person("second", secondPassword);
    const firstAsk = await askAdmin(second.id);
    await send("POST /api/approvals/[id]/break-glass", `/api/approvals/${firstAsk}/break-glass`, { reason });
    const secondAdmin = await signInAs(server.client(), second.email, secondPassword);
    const decideAs = async (key: string, url: string, body: unknown) => {
      mutationsDone.add(key);
      return record(key, await secondAdmin.post(url, body));
    };
    await decideAs("POST /api/approvals/[id]/review", `/api/approvals/${firstAsk}/review`, {});
    const third = await person("third", `third-${randomUUID()}`);
    await send("POST /api/approvals/[id]/deny", `/api/approvals/${await askAdmin(third.id)}/deny`, {
      reason,
    });
    await decideAs("POST /api/approvals/[id]/approve", `/api/approvals/${await askAdmin(third.id)}/approve`, {
      reason,
    });
    // A saved view of the accounts list, saved and deleted again.
    const viewBody = await send("POST /api/views", "/api/views", {
      name: `Canary view ${randomUUID().slice(0, 8)}`,
      list: "accounts",
      shared: false,
      query: { status: "disabled" },
    });
    const viewId = (JSON.parse(viewBody) as { data?: { id?: string } }).data?.id ?? randomUUID();
    await send("DELETE /api/views/[id]", `/api/views/${viewId}`, undefined);
    // An access review campaign: started, one person kept, one decided remove and removed by its job, closed.
    const reviewBody = await send("POST /api/access-reviews", "/api/access-reviews", {
      name: "Canary review",
      dueDate: "2030-01-01",
    });
    const reviewId = (JSON.parse(reviewBody) as { data: { id: string } }).data.id;
    const { items } = (await (await admin.get(`/api/access-reviews/${reviewId}?pageSize=250`)).json()) as {
      items: { id: string }[];
    };
    const subUserIds = new Set(subUsers.map((candidate) => candidate.id));
    const [kept, toRemove] = items.filter((item) => subUserIds.has(item.id) && item.id !== subUsers[1]!.id);
    const decide = (itemIds: string[], decision: string) =>
      send("POST /api/access-reviews/[id]/decisions", `/api/access-reviews/${reviewId}/decisions`, {
        itemIds,
        decision,
        reason,
      });
    await decide([kept!.id], "keep");
    await decide([toRemove!.id], "remove");
    await send("POST /api/access-reviews/[id]/remove", `/api/access-reviews/${reviewId}/remove`, undefined);
    await send("POST /api/access-reviews/[id]/close", `/api/access-reviews/${reviewId}/close`, undefined);
    // A balance refresh retrieves every account (the answers carry their keys); it ends before the faults.
    await send("POST /api/balances/refresh", "/api/balances/refresh", {});
    for (let tries = 0; tries < 600; tries++) {
      const latest = (await (await admin.get("/api/balances/refresh")).json()) as {
        data: { status: string };
      };
      if (!["queued", "running"].includes(latest.data.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // An upstream failure's answer and log lines are a classic place for a key to slip into.
    await fetch(`${simBase}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        operation: "RetrieveManagedAccount",
        kind: "server_error",
        status: 500,
        times: 10,
      }),
    });
    await record(
      "GET /api/managed-accounts/[id] (upstream 500)",
      await admin.get(`/api/managed-accounts/${accountId}`),
    );
    await fetch(`${simBase}/__sim/faults`, { method: "DELETE" });
    // The refresh above raised low-balance alerts (seeded balances under the default 50.00): one acknowledged,
    // which queued webhook deliveries to a port where nothing listens (their errors are scanned too).
    const alerts = JSON.parse(await record("GET /api/alerts", await admin.get("/api/alerts?status=all"))) as {
      data: { id: string }[];
    };
    await send(
      "POST /api/alerts/[id]/acknowledge",
      `/api/alerts/${alerts.data[0]?.id ?? randomUUID()}/acknowledge`,
      {},
    );

    // Every GET route the app has, with real ids, then the pages (they prefetch through the same code).
    const auditList = JSON.parse(
      await record("GET /api/audit", await admin.get("/api/audit?pageSize=100")),
    ) as {
      data: { id: string }[];
    };
    const sampleIds: Record<string, string> = {
      "/api/managed-accounts/[id]": accountId,
      "/api/org-users/[id]": subUsers[1]!.id,
      "/api/audit/[id]": auditList.data[0]!.id,
      "/api/jobs/[id]": jobId,
      "/api/access-reviews/[id]": reviewId,
    };
    const queries: Record<string, string[]> = {
      "GET /api/managed-accounts": ["?pageSize=250&includeCancelled=true", "?status=disabled"],
      "GET /api/org-users": ["?pageSize=100&includeGroups=true"],
      "GET /api/org-users/groups-report": ["?format=csv", "?format=json"],
    };
    for (const key of apiRouteKeys()) {
      const [method, route = ""] = key.split(" ");
      if (method !== "GET") {
        expect(mutationsDone, `drive ${key} in secret-canary.test.ts`).toContain(key);
        continue;
      }
      const idPrefix = Object.keys(sampleIds).find((prefix) => route.startsWith(prefix));
      const pathName = idPrefix
        ? route.replace(idPrefix, idPrefix.replace("[id]", sampleIds[idPrefix]!))
        : route;
      // The metrics route is the scraper's, by bearer token, not a person's session.
      const headers = key === "GET /api/metrics" ? { Authorization: `Bearer ${metricsToken}` } : undefined;
      for (const query of queries[key] ?? [""]) {
        await record(`${key}${query}`, await admin.get(`${pathName}${query}`, { headers }));
      }
    }
    for (const page of [
      "/",
      "/accounts",
      `/accounts/${accountId}`,
      "/accounts/new",
      "/users",
      `/users/${subUsers[1]!.id}`,
      "/users/review",
      "/audit",
      "/staff",
      "/approvals?status=all",
      "/login",
    ]) {
      await record(`page ${page}`, await admin.get(page));
    }

    scan("the server's stdout/stderr", server.log());
    console.log(`canary scan: ${answered.length} answers\n${answered.join("\n")}`);
    expect(answered.length).toBeGreaterThan(20);
    // Refusals would prove nothing: every request above must have been served.
    expect(
      answered.filter(
        (line) =>
          !/ (2\d\d)$/.test(line) && !line.includes("upstream 500") && !/^page \/login 3\d\d$/.test(line),
      ),
    ).toEqual([]);
    expect(findings).toEqual([]);
  }, 120_000);
});

describe("the shared test server's log", () => {
  it("holds none of its embedded simulator's seeded sub-account secrets", async () => {
    // The embedded simulator's key is random per start, but its seed (42, default sizes) is not: the
    // same seed reproduces the same sub-account secrets here.
    const twin = await startSimulator({ apiKey: canaryKey, port: 0 });
    try {
      const seeded = await subAccountSecrets(twin.url, canaryKey);
      expect(seeded.length).toBeGreaterThan(100);
      const log = readServerLog();
      expect(log.length).toBeGreaterThan(0);
      expect(seeded.filter((secret) => log.includes(secret))).toEqual([]);
      expect(log).not.toMatch(/KEYSIM[0-9a-f]{48}/);
    } finally {
      await twin.close();
    }
  }, 60_000);
});
