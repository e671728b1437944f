import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { addSimUser } from "../support/org-users";
import { auditRowsOfRequest, listAuditRows, type FullAuditRow } from "../support/audit-rows";
import { simAccountStates } from "../support/security";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";

// Each mutation writes exactly one audit row, and that row has every field DESIGN.md lists. The user agent
// is one this test sends, so the row must have taken it from the request; the client address is the
// socket's peer, whatever X-Forwarded-For the client wrote (no trusted proxy in front of the test server).

const userAgent = `subdesk-audit-test/${randomUUID()}`;
const forwardedFor = "203.0.113.9, 198.51.100.7";
const expectedClientIp = "127.0.0.1";
const password = `Pw-${randomUUID()}`;

let admin: ApiClient;
let adminId: string;
let accountIds: string[];
const emailOf = new Map<string, string>();

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  adminId = (await admin.getJson<{ user: { id: string } }>("/api/auth/session")).user.id;
  const accounts = (await simAccountStates()).filter((account) => account.status === "enabled").slice(10, 14);
  accountIds = accounts.map((account) => account.id);
  for (const account of accounts) emailOf.set(account.id, account.email);
});

interface Mutation {
  name: string;
  action: string;
  send: () => Promise<{
    response: Response;
    target: { id: string | null; label: string | string[] | undefined };
    reason?: string;
  }>;
}

const headers = () => ({ "User-Agent": userAgent, "X-Forwarded-For": forwardedFor });
const reasonFor = (name: string) => `audit test: ${name} ${randomUUID()}`;

const mutations: Mutation[] = [
  {
    name: "disable",
    action: "account.disable",
    async send() {
      const id = accountIds[0]!;
      const reason = reasonFor("disable");
      const response = await admin.post(
        `/api/managed-accounts/${id}/disable`,
        { reason },
        { headers: headers() },
      );
      return { response, target: { id, label: emailOf.get(id) }, reason };
    },
  },
  {
    name: "enable",
    action: "account.enable",
    async send() {
      const id = accountIds[0]!;
      const reason = reasonFor("enable");
      const response = await admin.post(
        `/api/managed-accounts/${id}/enable`,
        { reason },
        { headers: headers() },
      );
      return { response, target: { id, label: emailOf.get(id) }, reason };
    },
  },
  {
    name: "channel limit",
    action: "account.channel_limit.update",
    async send() {
      const id = accountIds[1]!;
      const reason = reasonFor("channel limit");
      const response = await admin.put(
        `/api/managed-accounts/${id}/channel-limit`,
        { channelLimit: 2, reason },
        { headers: headers() },
      );
      // Telnyx's channel-limit answer does not carry the account, so its id may be the only label.
      return { response, target: { id, label: [id, emailOf.get(id)!] }, reason };
    },
  },
  {
    name: "pricing",
    action: "account.pricing.update",
    async send() {
      const id = accountIds[2]!;
      const reason = reasonFor("pricing");
      const response = await admin.patch(
        `/api/managed-accounts/${id}`,
        { allowCustomPricing: true, reason },
        { headers: headers() },
      );
      return { response, target: { id, label: emailOf.get(id) }, reason };
    },
  },
  {
    name: "create",
    action: "account.create",
    async send() {
      const email = `audit-create-${randomUUID()}@example.com`;
      const response = await admin.post(
        "/api/managed-accounts",
        { businessName: "Audit Create Ltd", email, password },
        { headers: { ...headers(), "Idempotency-Key": randomUUID() } },
      );
      return { response, target: { id: null, label: email } };
    },
  },
  {
    name: "user remove",
    action: "org_user.remove",
    async send() {
      const user = await addSimUser({ email: `audit-remove-${randomUUID()}@example.com` });
      const reason = reasonFor("remove");
      const response = await admin.post(
        `/api/org-users/${user.id}/remove`,
        { reason, confirmEmail: user.email },
        { headers: headers() },
      );
      return { response, target: { id: user.id, label: user.email }, reason };
    },
  },
];

function expectCompleteRow(row: FullAuditRow, startedAt: number) {
  const occurredAt = Date.parse(row.occurredAt);
  expect(occurredAt).toBeGreaterThanOrEqual(startedAt - 5_000);
  expect(occurredAt).toBeLessThanOrEqual(Date.now() + 5_000);
  expect(row.occurredAt).toMatch(/Z$|\+00:00$/);
  expect(row.actorId).toBe(adminId);
  expect(row.actorEmail).toBe(staffEmail("admin"));
  expect(row.actorRole).toBe("admin");
  expect(row.clientIp).toBe(expectedClientIp);
  expect(row.userAgent).toBe(userAgent);
  // No secret of any kind in what the row says about the request.
  const text = JSON.stringify(row.raw);
  expect(text).not.toContain(password);
  expect(text).not.toMatch(/"(password|apiKey|api_key|apiToken|api_token|secret)"/i);
}

describe.each(mutations)("$name", (mutation) => {
  it(`writes exactly one complete ${mutation.action} row, with the answer's request id`, async () => {
    const startedAt = Date.now();
    const { response, target, reason } = await mutation.send();
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBeLessThan(300);
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).toBeTruthy();

    const rows = await auditRowsOfRequest(admin, requestId, {});
    expect(rows.map((row) => row.action)).toEqual([mutation.action]);
    const row = rows[0]!;
    expectCompleteRow(row, startedAt);
    expect(row.outcome).toBe("success");
    expect(row.completedAt).toBeTruthy();
    const labels = [target.label].flat();
    expect(labels).toContain(row.targetLabel);
    if (target.id) expect(row.targetId).toBe(target.id);
    if (reason) expect(row.reason).toBe(reason);
    // The create answer shows the new key once; it must not be in the trail.
    const created = (JSON.parse(text) as { data?: { id?: string; apiKey?: string } }).data;
    if (created?.apiKey) {
      expect(JSON.stringify(row.raw)).not.toContain(created.apiKey);
      // The id exists only once Telnyx answered; the completed row must still name it.
      expect(row.targetId).toBe(created.id);
    }
  });
});

describe("a mutation Telnyx refuses", () => {
  it("completes its one row as a failure with the upstream status", async () => {
    const id = accountIds[3]!;
    await injectFault({ operation: "DisableManagedAccount", kind: "server_error", status: 503, times: 10 });
    try {
      const startedAt = Date.now();
      const reason = reasonFor("failing disable");
      const response = await admin.post(
        `/api/managed-accounts/${id}/disable`,
        { reason },
        { headers: headers() },
      );
      expect(response.status).toBeGreaterThanOrEqual(500);
      const requestId = response.headers.get("x-request-id")!;
      const rows = await auditRowsOfRequest(admin, requestId, { action: "account.disable", target: id });
      expect(rows).toHaveLength(1);
      expectCompleteRow(rows[0]!, startedAt);
      expect(rows[0]).toMatchObject({ outcome: "failure", upstreamStatus: 503, targetId: id, reason });
      expect(rows[0]!.errorCode).toBe("upstream_unavailable");
    } finally {
      await clearFaults();
    }
  });
});

describe("counting by target", () => {
  it("adds exactly one row per disable for that account", async () => {
    const id = accountIds[2]!;
    const before = await listAuditRows(admin, { action: "account.disable", target: id });
    const response = await admin.post(`/api/managed-accounts/${id}/disable`, { reason: reasonFor("count") });
    expect(response.status).toBe(200);
    const after = await listAuditRows(admin, { action: "account.disable", target: id });
    expect(after.length).toBe(before.length + 1);
    expect(after.every((row) => row.targetId === id)).toBe(true);
  });
});
