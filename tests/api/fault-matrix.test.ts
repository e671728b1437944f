import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it, type ExpectStatic } from "vitest";
import type { ApiClient } from "../support/api-client";
import { demoPassword, staffEmail } from "../support/env";
import { auditRowsOfRequest, sleep, type FullAuditRow } from "../support/audit-rows";
import { startEmbeddedServer } from "../support/embedded-server";
import { signInAs, sparePort, stopOwnServer, type OwnServer } from "../support/own-server";

// Every mutation against every way an answer gets lost, once and on every try. Whatever the network did,
// the three witnesses must agree: what we answered, what the simulator (Telnyx) really holds, and the audit
// row, settled. No create may make a second account, no row may stay pending. A server of the test's own
// with a short Telnyx deadline (1.2 s) and quick later read-backs keeps the 84 cases to a few minutes.

const TIMEOUT_MS = 1_200;
// startEmbeddedServer's spare ports: n for the console, n + 1 for its simulator.
const serverSlot = 6;
const simPort = sparePort(serverSlot + 1);
const simBase = `http://127.0.0.1:${simPort}`;
let server: OwnServer;
let admin: ApiClient;

interface FaultCase {
  name: string;
  kind: string;
  ms?: number;
  retryAfter?: number;
}

const FAULTS: FaultCase[] = [
  { name: "late answer", kind: "latency", ms: TIMEOUT_MS + 600 },
  { name: "hang", kind: "hang" },
  { name: "reset", kind: "reset" },
  { name: "truncate", kind: "truncate" },
  { name: "500", kind: "server_error" },
  { name: "429 + Retry-After", kind: "rate_limit", retryAfter: 1 },
  { name: "429", kind: "rate_limit" },
];
const REPEATS = [
  { name: "once", times: 1 },
  { name: "every try", times: 50 },
];

async function sim<T>(method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simBase}/__sim${route}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /__sim${route} answered ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

interface SimAccount {
  id: string;
  email: string;
  organization_name: string;
  status: string;
  channel_limit: number | null;
  managed_account_allow_custom_pricing: boolean;
}
const accounts = () => sim<SimAccount[]>("GET", "/state/accounts");
const account = (id: string) => sim<SimAccount>("GET", `/state/accounts/${id}`);
const users = () => sim<{ id: string; email: string }[]>("GET", "/state/users");

/** One mutation: prepares a fresh target, sends the request, and says whether the change is really there. */
interface Mutation {
  name: string;
  operation: string;
  action: string;
  prepare: () => Promise<{
    send: () => Promise<Response>;
    isApplied: () => Promise<boolean>;
    target: string;
    /** Asserted after the row settled: no duplicate create; the remembered last toggle follows the truth. */
    extraCheck?: (expect: ExpectStatic, line: string, isSuccess: boolean) => Promise<void>;
  }>;
}

const used = new Set<string>();
async function pickAccount(status: string): Promise<SimAccount> {
  const found = (await accounts()).find((item) => item.status === status && !used.has(item.id));
  if (!found) throw new Error(`No unused ${status} account left in the simulator`);
  used.add(found.id);
  return found;
}

/** The detail page's "last enable/disable from this console" follows the settled outcome. */
async function expectRememberedToggle(expect: ExpectStatic, id: string, state: string | null, line: string) {
  const response = await admin.get(`/api/managed-accounts/${id}`);
  const { data } = (await response.json()) as { data: { memory: { lastToggle: { state: string } | null } } };
  expect.soft(data.memory.lastToggle?.state ?? null, line).toBe(state);
}

let channelValue = 1;
const MUTATIONS: Mutation[] = [
  {
    name: "create",
    operation: "CreateManagedAccount",
    action: "account.create",
    async prepare() {
      const tag = randomUUID().slice(0, 8);
      const businessName = `Matrix ${tag}`;
      const key = `matrix-${tag}`;
      const matching = async () =>
        (await accounts()).filter((item) => item.organization_name === businessName).length;
      const send = () =>
        admin.post(
          "/api/managed-accounts",
          { businessName, email: `matrix-${tag}@example.com` },
          { headers: { "Idempotency-Key": key } },
        );
      return {
        send,
        target: businessName,
        isApplied: async () => (await matching()) === 1,
        async extraCheck(expect, line) {
          // The same submission again never makes a second account: it answers the first one, or asks to wait.
          const again = await send();
          expect.soft([200, 409], line).toContain(again.status);
          expect.soft(await matching(), line).toBeLessThanOrEqual(1);
        },
      };
    },
  },
  {
    name: "disable",
    operation: "DisableManagedAccount",
    action: "account.disable",
    async prepare() {
      const target = await pickAccount("enabled");
      return {
        target: target.id,
        send: () => admin.post(`/api/managed-accounts/${target.id}/disable`, { reason: "fault matrix" }),
        isApplied: async () => (await account(target.id)).status === "disabled",
        extraCheck: (expect, line, isSuccess) =>
          expectRememberedToggle(expect, target.id, isSuccess ? "disabled" : null, line),
      };
    },
  },
  {
    name: "enable",
    operation: "EnableManagedAccount",
    action: "account.enable",
    async prepare() {
      const target = await pickAccount("disabled");
      return {
        target: target.id,
        send: () => admin.post(`/api/managed-accounts/${target.id}/enable`, { reason: "fault matrix" }),
        isApplied: async () => (await account(target.id)).status === "enabled",
        extraCheck: (expect, line, isSuccess) =>
          expectRememberedToggle(expect, target.id, isSuccess ? "enabled" : null, line),
      };
    },
  },
  {
    name: "pricing",
    operation: "UpdateManagedAccount",
    action: "account.pricing.update",
    async prepare() {
      const target = await pickAccount("enabled");
      const wanted = !target.managed_account_allow_custom_pricing;
      return {
        target: target.id,
        send: () =>
          admin.patch(`/api/managed-accounts/${target.id}`, {
            allowCustomPricing: wanted,
            reason: "fault matrix",
          }),
        isApplied: async () => (await account(target.id)).managed_account_allow_custom_pricing === wanted,
      };
    },
  },
  {
    name: "channel limit",
    operation: "UpdateManagedAccountGlobalChannelLimit",
    action: "account.channel_limit.update",
    async prepare() {
      const target = await pickAccount("enabled");
      // Lowering to a small distinct value always fits the pool, so no pool read is involved.
      const wanted = channelValue++ % 3;
      return {
        target: target.id,
        send: () =>
          admin.put(`/api/managed-accounts/${target.id}/channel-limit`, {
            channelLimit: wanted,
            reason: "fault matrix",
          }),
        isApplied: async () => (await account(target.id)).channel_limit === wanted,
      };
    },
  },
  {
    name: "remove user",
    operation: "DeleteOrganizationUser",
    action: "org_user.remove",
    async prepare() {
      const email = `matrix-${randomUUID().slice(0, 8)}@example.com`;
      const user = await sim<{ id: string }>("POST", "/users", { email });
      return {
        target: user.id,
        send: () =>
          admin.post(`/api/org-users/${user.id}/remove`, { reason: "fault matrix", confirmEmail: email }),
        isApplied: async () => !(await users()).some((item) => item.id === user.id),
      };
    },
  },
];

/**
 * Waits until the request's row is complete; a row still "unknown" when every later read-back is over
 * (SETTLE_MS) stays so: Telnyx offers nothing to read (a channel limit).
 */
const SETTLE_MS = 300 + 700 + 1_500 + 3_000 + 2_000;
async function settledRow(requestId: string, action: string): Promise<FullAuditRow> {
  const startedAt = Date.now();
  for (;;) {
    const [row] = await auditRowsOfRequest(admin, requestId, { action });
    if (row?.completedAt) return row;
    if (row?.outcome === "unknown" && Date.now() - startedAt > SETTLE_MS) return row;
    if (Date.now() - startedAt > SETTLE_MS + 10_000) {
      throw new Error(`audit row of ${requestId} did not settle: ${row?.outcome}`);
    }
    await sleep(250);
  }
}

const matrix: string[] = [];

beforeAll(async () => {
  ({ server } = await startEmbeddedServer("fault-matrix", serverSlot, {
    TELNYX_TIMEOUT_MS: String(TIMEOUT_MS),
    SUBDESK_RECONCILE_DELAYS_MS: "300,700,1500,3000",
  }));
  admin = await signInAs(server.client(), staffEmail("admin"), demoPassword());
}, 120_000);

afterAll(async () => {
  await stopOwnServer(server);
  if (matrix.length > 0) {
    console.log(
      ["mutation | fault | repeat | answer | upstream state | audit outcome", ...matrix].join("\n"),
    );
  }
});

async function runCase(
  expect: ExpectStatic,
  mutation: Mutation,
  fault: FaultCase,
  repeat: (typeof REPEATS)[number],
) {
  const prepared = await mutation.prepare();
  const only = `?operation=${mutation.operation}`;
  await sim("DELETE", `/faults${only}`);
  await sim("POST", "/faults", {
    operation: mutation.operation,
    kind: fault.kind,
    times: repeat.times,
    ...(fault.ms !== undefined ? { ms: fault.ms } : {}),
    ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}),
  });
  const answer = await prepared.send();
  const body = (await answer.json()) as Record<string, unknown> & {
    error?: { code: string; outcome?: string };
  };
  await sim("DELETE", `/faults${only}`);
  const row = await settledRow(answer.headers.get("x-request-id")!, mutation.action);
  // A late request lands after its deadline: give it the time the simulator's latency takes.
  if (fault.kind === "latency") await sleep(fault.ms!);
  const isApplied = await prepared.isApplied();
  const said = answer.ok ? "success" : `${answer.status} ${body.error?.outcome ?? body.error?.code}`;
  const line = `${mutation.name} | ${fault.name} | ${repeat.name} | ${said} | ${isApplied ? "applied" : "not applied"} | ${row.outcome}`;
  matrix.push(line);
  expect.soft(row.outcome, line).not.toBe("pending");
  if (answer.ok) {
    expect.soft(isApplied, line).toBe(true);
    expect.soft(row.outcome, line).toBe("success");
  } else if (body.error?.outcome === "unknown") {
    // We said we could not tell: the row must settle to the truth, or stay unknown where Telnyx offers
    // nothing to read (a channel limit).
    if (row.outcome !== "unknown") expect.soft(row.outcome, line).toBe(isApplied ? "success" : "failure");
  } else {
    expect.soft(isApplied, line).toBe(false);
    expect.soft(row.outcome, line).toBe("failure");
  }
  await prepared.extraCheck?.(expect, line, row.outcome === "success");
}

// Mutations run side by side (each breaks only its own operation); the cases of one mutation in turn.
describe.concurrent("fault matrix: the answer, Telnyx's state and the audit row agree", () => {
  for (const mutation of MUTATIONS) {
    it(`${mutation.name} × {late answer, hang, reset, truncate, 500, 429 ± Retry-After} × {once, every try}`, async ({
      expect,
    }) => {
      for (const fault of FAULTS) {
        for (const repeat of REPEATS) await runCase(expect, mutation, fault, repeat);
      }
    }, 300_000);
  }
});
