import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { listAuditRows } from "../support/audit-rows";
import { expectSimUntouched } from "../support/security";
import { resetSim } from "../support/sim-control";
import { simAccounts, simPool } from "./managed-accounts-fixtures";
import { jobCount, jobReason } from "./jobs-fixtures";

// Every refused job is refused before anything is queued or sent to Telnyx.
let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;
const ids = (count: number) => Array.from({ length: count }, () => randomUUID());

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  support = await signIn("support");
  viewer = await signIn("viewer");
});

async function expectRefused(client: ApiClient, body: unknown, status: number, field?: string) {
  const before = await jobCount(admin);
  const response = await expectSimUntouched(() => client.post("/api/jobs", body));
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  const error = (JSON.parse(text) as { error: { fields?: Record<string, string> } }).error;
  if (field) expect(Object.keys(error.fields ?? {}), text.slice(0, 300)).toContain(field);
  expect(await jobCount(admin)).toBe(before);
}

const disable = (extra: Record<string, unknown>) => ({
  action: "account.disable",
  reason: jobReason,
  target: { ids: ids(1) },
  ...extra,
});

describe("POST /api/jobs refuses bad bodies with nothing queued", () => {
  it("empty ids", () => expectRefused(admin, disable({ target: { ids: [] } }), 422, "target.ids"));
  it("10,001 ids", () =>
    expectRefused(
      admin,
      disable({ target: { ids: ids(10_001) }, confirm: "disable 10001" }),
      422,
      "target.ids",
    ));
  it("an id that is not one", () => expectRefused(admin, disable({ target: { ids: ["../x"] } }), 422));
  it("an unknown action", () => expectRefused(admin, disable({ action: "account.delete" }), 422, "action"));
  it("a missing reason", () => expectRefused(admin, disable({ reason: undefined }), 422, "reason"));
  it("a reason of invisible characters", () =>
    expectRefused(admin, disable({ reason: "a\u200bb" }), 422, "reason"));
  it("a missing confirmation above 25", () =>
    expectRefused(admin, disable({ target: { ids: ids(26) } }), 422, "confirm"));
  it("a wrong confirmation", () =>
    expectRefused(admin, disable({ target: { ids: ids(26) }, confirm: "disable 25" }), 422, "confirm"));
  it("a confirmation with the wrong verb", () =>
    expectRefused(admin, disable({ target: { ids: ids(26) }, confirm: "enable 26" }), 422, "confirm"));
  it("parameters the action does not take", () =>
    expectRefused(admin, disable({ params: { channelLimit: 3 } }), 422, "params"));
  it("a negative channel limit", () =>
    expectRefused(
      admin,
      { ...disable({}), action: "account.channel_limit", params: { channelLimit: -1 } },
      422,
      "params.channelLimit",
    ));
  it("pricing without its value", () =>
    expectRefused(
      admin,
      { ...disable({}), action: "account.pricing", params: {} },
      422,
      "params.allowCustomPricing",
    ));
  it("a view with a bad filter", () =>
    expectRefused(admin, disable({ target: { view: { email: "ab" } } }), 422, "target.view.email"));
  it("a body that is not JSON", async () => {
    const response = await admin.request("POST", "/api/jobs", {
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
  });
});

describe("POST /api/jobs checks the action's own permission", () => {
  it("a viewer may not disable, a support agent may not change pricing: 403 and authz.denied", async () => {
    await expectRefused(viewer, disable({}), 403);
    await expectRefused(
      support,
      { ...disable({}), action: "account.pricing", params: { allowCustomPricing: true } },
      403,
    );
    const denied = await listAuditRows(admin, { action: "authz.denied" });
    expect(denied.some((row) => row.reason === "job account.pricing needs accounts.pricing")).toBe(true);
  });
});

describe("a channel limit that would over-allocate the pool", () => {
  it("is refused before anything starts, naming the channels needed and left", async () => {
    const pool = await simPool();
    const accounts = (await simAccounts()).slice(0, 3);
    const headroom = pool.allocatable - pool.allocated;
    const perAccount = Math.floor(headroom / 2) + 1;
    const before = await jobCount(admin);
    const response = await admin.post("/api/jobs", {
      action: "account.channel_limit",
      target: { ids: accounts.map((account) => account.id) },
      params: { channelLimit: perAccount },
      reason: jobReason,
    });
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(response.status).toBe(422);
    expect(body.error.fields["params.channelLimit"]).toMatch(/more channels/);
    expect(await jobCount(admin)).toBe(before);
  });
});
