import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { resetSim } from "../support/sim-control";
import { expectError, expectNoUpstreamCall, pickAccount, reason } from "./managed-accounts-fixtures";

// Bad input never reaches Telnyx: every refusal here is checked against the simulator's request counters.
let admin: ApiClient;
let accountId: string;

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  accountId = (await pickAccount((account) => account.status === "enabled")).id;
});

const badIds = ["not-a-uuid", "123", "1' OR '1'='1", "1;DROP TABLE accounts", "../channels"];

describe("malformed ids on every [id] route", () => {
  const routes: [string, (client: ApiClient, id: string) => Promise<Response>, number][] = [
    ["GET detail", (client, id) => client.get(`/api/managed-accounts/${id}`), 400],
    [
      "PATCH pricing",
      (client, id) => client.patch(`/api/managed-accounts/${id}`, { allowCustomPricing: true, reason }),
      400,
    ],
    ["POST disable", (client, id) => client.post(`/api/managed-accounts/${id}/disable`, { reason }), 400],
    ["POST enable", (client, id) => client.post(`/api/managed-accounts/${id}/enable`, { reason }), 400],
    [
      "PUT channel-limit",
      (client, id) => client.put(`/api/managed-accounts/${id}/channel-limit`, { channelLimit: 1, reason }),
      400,
    ],
  ];
  for (const [name, send] of routes) {
    for (const id of badIds) {
      it(`${name} refuses ${JSON.stringify(id)} with 400 and fields.id`, async () => {
        const response = await expectNoUpstreamCall(() => send(admin, encodeURIComponent(id)));
        await expectError(response, 400, "bad_request", "id");
      });
    }
  }
});

describe("list query", () => {
  const cases: [string, string][] = [
    ["pageSize=0", "pageSize"],
    ["pageSize=251", "pageSize"],
    ["pageSize=ten", "pageSize"],
    ["page=0", "page"],
    ["page=-1", "page"],
    ["email=ab", "email"],
    ["org=ab", "org"],
    ["email=ab&emailMatch=contains", "email"],
    ["status=frozen", "status"],
    ["sort=balance", "sort"],
    ["emailMatch=regex&email=abc", "emailMatch"],
    ["includeCancelled=yes", "includeCancelled"],
  ];
  for (const [query, field] of cases) {
    it(`refuses ?${query} with 400 and fields.${field}`, async () => {
      const response = await expectNoUpstreamCall(() => admin.get(`/api/managed-accounts?${query}`));
      const body = await expectError(response, 400, "bad_request", field);
      if (field === "email" || field === "org") expect(body.error.fields?.[field]).toMatch(/3 characters/);
    });
  }

  it("accepts a 2-character exact match (only contains needs 3)", async () => {
    const response = await admin.get("/api/managed-accounts?email=ab&emailMatch=eq");
    expect(response.status).toBe(200);
  });
});

describe("bodies", () => {
  const path = () => `/api/managed-accounts/${accountId}`;
  const cases: [string, () => Promise<Response>, string][] = [
    ["disable without reason", () => admin.post(`${path()}/disable`, {}), "reason"],
    ["disable with a 2-character reason", () => admin.post(`${path()}/disable`, { reason: "no" }), "reason"],
    ["disable with a blank reason", () => admin.post(`${path()}/disable`, { reason: "     " }), "reason"],
    ["disable with an unknown field", () => admin.post(`${path()}/disable`, { reason, force: true }), "_"],
    ["enable without reason", () => admin.post(`${path()}/enable`, {}), "reason"],
    [
      "enable with reenableAllConnections 'yes'",
      () => admin.post(`${path()}/enable`, { reason, reenableAllConnections: "yes" }),
      "reenableAllConnections",
    ],
    [
      "channel limit -1",
      () => admin.put(`${path()}/channel-limit`, { channelLimit: -1, reason }),
      "channelLimit",
    ],
    [
      "channel limit 1.5",
      () => admin.put(`${path()}/channel-limit`, { channelLimit: 1.5, reason }),
      "channelLimit",
    ],
    [
      "channel limit '10'",
      () => admin.put(`${path()}/channel-limit`, { channelLimit: "10", reason }),
      "channelLimit",
    ],
    [
      "channel limit without reason",
      () => admin.put(`${path()}/channel-limit`, { channelLimit: 1 }),
      "reason",
    ],
    ["pricing 'yes'", () => admin.patch(path(), { allowCustomPricing: "yes", reason }), "allowCustomPricing"],
    ["pricing without allowCustomPricing", () => admin.patch(path(), { reason }), "allowCustomPricing"],
    ["pricing without reason", () => admin.patch(path(), { allowCustomPricing: true }), "reason"],
    [
      "pricing with a 2-character reason",
      () => admin.patch(path(), { allowCustomPricing: true, reason: "no" }),
      "reason",
    ],
    [
      "pricing with an unknown field",
      () => admin.patch(path(), { allowCustomPricing: true, reason, email: "x@y.z" }),
      "_",
    ],
    [
      "create without businessName",
      () => admin.post("/api/managed-accounts", { email: "a@b.example" }),
      "businessName",
    ],
    [
      "create with a bad email",
      () => admin.post("/api/managed-accounts", { businessName: "Acme", email: "not-an-email" }),
      "email",
    ],
    [
      "create with a short password",
      () => admin.post("/api/managed-accounts", { businessName: "Acme", password: "short" }),
      "password",
    ],
    [
      "create with rollupBilling 'yes'",
      () => admin.post("/api/managed-accounts", { businessName: "Acme", rollupBilling: "yes" }),
      "rollupBilling",
    ],
  ];
  for (const [name, send, field] of cases) {
    it(`refuses ${name} with 422 and fields.${field}`, async () => {
      const response = await expectNoUpstreamCall(send);
      const body = await expectError(response, 422, "validation_failed");
      // An unknown key is reported by zod at the object level ("_") or under the key itself.
      const fields = body.error.fields ?? {};
      if (field === "_") expect(Object.keys(fields).length).toBeGreaterThan(0);
      // Only the field under test is wrong, so it alone is named (a case can't pass on another field).
      else expect(Object.keys(fields), JSON.stringify(fields)).toEqual([field]);
      if (field !== "_") expect(fields[field]).toEqual(expect.any(String));
    });
  }

  it("refuses a body that is not JSON with 400", async () => {
    const response = await expectNoUpstreamCall(() =>
      admin.request("POST", `${path()}/disable`, {
        body: "{reason:",
        headers: { "Content-Type": "application/json" },
      }),
    );
    await expectError(response, 400, "bad_request");
  });

  it("refuses a malformed Idempotency-Key before writing anything", async () => {
    const response = await expectNoUpstreamCall(() =>
      admin.post(
        "/api/managed-accounts",
        { businessName: "Acme" },
        { headers: { "Idempotency-Key": "a b" } },
      ),
    );
    await expectError(response, 400, "bad_request", "idempotencyKey");
  });
});

describe("content type and origin on mutations", () => {
  const mutations: [string, string, unknown][] = [
    ["POST", "/api/managed-accounts", { businessName: "Acme" }],
    ["PATCH", "/api/managed-accounts/{id}", { allowCustomPricing: true, reason }],
    ["POST", "/api/managed-accounts/{id}/disable", { reason }],
    ["POST", "/api/managed-accounts/{id}/enable", { reason }],
    ["PUT", "/api/managed-accounts/{id}/channel-limit", { channelLimit: 1, reason }],
  ];
  for (const [method, template, json] of mutations) {
    const path = () => template.replace("{id}", accountId);
    const body = JSON.stringify(json);

    it(`${method} ${template} refuses text/plain with 415`, async () => {
      const response = await expectNoUpstreamCall(() =>
        admin.request(method, path(), { body, headers: { "Content-Type": "text/plain" } }),
      );
      await expectError(response, 415, "unsupported_media_type");
    });

    it(`${method} ${template} refuses Sec-Fetch-Site: cross-site with 403`, async () => {
      const response = await expectNoUpstreamCall(() =>
        admin.request(method, path(), { json, headers: { "Sec-Fetch-Site": "cross-site" } }),
      );
      await expectError(response, 403, "forbidden");
    });

    it(`${method} ${template} refuses a foreign Origin with 403`, async () => {
      const response = await expectNoUpstreamCall(() =>
        admin.request(method, path(), { json, origin: "https://evil.example" }),
      );
      await expectError(response, 403, "forbidden");
    });

    it(`${method} ${template} refuses a request without Origin with 403`, async () => {
      const response = await expectNoUpstreamCall(() =>
        admin.request(method, path(), { json, origin: null }),
      );
      await expectError(response, 403, "forbidden");
    });
  }
});
