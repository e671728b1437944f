import { request } from "node:http";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import {
  accountStates,
  API_KEY,
  call,
  control,
  firstError,
  listOf,
  rawCall,
  startTestSimulator,
} from "./helpers";
import { expectErrorEnvelope, validationCounts } from "./spec-validator";

let sim: Simulator;
const LIST = "ListManagedAccounts";

beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(async () => {
  await control(sim, "POST", "/reset", {});
});
afterAll(async () => {
  await sim.close();
  console.info(`[spec validations] control-faults: ${JSON.stringify(validationCounts)}`);
});

const fault = (body: Record<string, unknown>) => control(sim, "POST", "/faults", body);
const counts = async () => (await (await control(sim, "GET", "/requests")).json()) as Record<string, number>;
const listOk = async () => (await call(sim, LIST, "GET", "/managed_accounts")).status;

describe("control surface", () => {
  it("is a 404 Telnyx envelope when control is off", async () => {
    const plain = await startTestSimulator({ control: false });
    try {
      const response = await control(plain, "GET", "/requests");
      expect(response.status).toBe(404);
      expectErrorEnvelope(await response.json());
    } finally {
      await plain.close();
    }
  });

  it("counts requests per operationId (faults and 401s included) and resets the counters", async () => {
    await listOk();
    await call(sim, LIST, "GET", "/managed_accounts", { apiKey: null });
    await call(sim, "GetOrganizationUser", "GET", "/organizations/users/nope");
    await fault({ operation: LIST, kind: "server_error" });
    await call(sim, LIST, "GET", "/managed_accounts", { allowUndocumented: [500] });
    const seen = await counts();
    expect(seen).toMatchObject({ ListManagedAccounts: 3, GetOrganizationUser: 1, CreateManagedAccount: 0 });
    expect(Object.keys(seen)).toHaveLength(12);
    await control(sim, "POST", "/requests/reset");
    expect((await counts()).ListManagedAccounts).toBe(0);
  });

  it("resets state to the seed with new sizes and clears faults", async () => {
    const before = await accountStates(sim);
    await call(sim, "DisableManagedAccount", "POST", `/managed_accounts/${before[0]?.id}/actions/disable`);
    await fault({ operation: "*", kind: "server_error", times: 5 });
    const reset = await control(sim, "POST", "/reset", { accounts: 12, users: 9, seed: 42 });
    expect(reset.status).toBe(200);
    const list = listOf(await call(sim, LIST, "GET", "/managed_accounts?include_cancelled_accounts=true"));
    expect(list.meta.total_results).toBe(12);
    const users = listOf(await call(sim, "ListOrganizationUsers", "GET", "/organizations/users"));
    expect(users.meta.total_results).toBe(9);
    await control(sim, "POST", "/reset", { accounts: 320, users: 160 });
    const after = (await accountStates(sim))[0];
    // Dates are relative to the clock at reset; identity and state come back exactly.
    expect({ ...after, created_at: "", updated_at: "" }).toEqual({
      ...before[0],
      created_at: "",
      updated_at: "",
    });
  });

  it("refuses bad control bodies with 400 and unknown control paths with 404", async () => {
    for (const body of [
      { operation: "Nope", kind: "latency" },
      { operation: "*", kind: "explode" },
      { operation: "*", kind: "latency", ms: -1 },
      { operation: "*", kind: "latency", query: { "page[number]": 2 } },
      { operation: "*", kind: "latency", query: ["page[number]"] },
    ]) {
      expect((await fault(body)).status).toBe(400);
    }
    expect((await control(sim, "POST", "/reset", { accounts: "many" })).status).toBe(400);
    expect((await control(sim, "GET", "/state/accounts/00000000-0000-4000-8000-000000000000")).status).toBe(
      404,
    );
    expect((await control(sim, "GET", "/nothing")).status).toBe(404);
  });
});

describe("faults", () => {
  it("DELETE /faults?operation=X clears that operation's faults only; an unknown name is a 400", async () => {
    await fault({ operation: LIST, kind: "rate_limit", times: 5 });
    await fault({ operation: "CreateManagedAccount", kind: "hang", times: 5 });
    const left = (await (await control(sim, "DELETE", "/faults?operation=CreateManagedAccount")).json()) as {
      data: { operation: string }[];
    };
    expect(left.data.map((item) => item.operation)).toEqual([LIST]);
    expect((await control(sim, "DELETE", "/faults?operation=Nope")).status).toBe(400);
    await control(sim, "DELETE", "/faults");
    expect(await listOk()).toBe(200);
  });

  it("latency delays the answer by ms, once", async () => {
    await fault({ operation: LIST, kind: "latency", ms: 300 });
    let started = performance.now();
    expect(await listOk()).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    started = performance.now();
    await listOk();
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("rate_limit answers 429 code 10011 with Retry-After when given, for `times` requests", async () => {
    await fault({ operation: LIST, kind: "rate_limit", retryAfter: 2, times: 2 });
    for (let i = 0; i < 2; i += 1) {
      const answer = await call(sim, LIST, "GET", "/managed_accounts", { allowUndocumented: [429] });
      expect([answer.status, firstError(answer)?.code]).toEqual([429, "10011"]);
      expect(answer.headers.get("retry-after")).toBe("2");
      expect(answer.headers.get("x-ratelimit-remaining")).toBe("0");
    }
    expect(await listOk()).toBe(200);
    await fault({ operation: "*", kind: "rate_limit" });
    const bare = await call(sim, "ListOrganizationUsers", "GET", "/organizations/users", {
      allowUndocumented: [429],
    });
    expect(bare.status).toBe(429);
    expect(bare.headers.get("retry-after")).toBeNull();
  });

  it("server_error answers the status asked for (500 by default) and only on its operation", async () => {
    await fault({ operation: "CreateManagedAccount", kind: "server_error", status: 503 });
    await fault({ operation: "GetOrganizationUsersGroupsReport", kind: "server_error", status: 403 });
    expect(await listOk()).toBe(200);
    const failed = await call(sim, "CreateManagedAccount", "POST", "/managed_accounts", {
      body: { business_name: "Never Made" },
      allowUndocumented: [503],
    });
    expect(failed.status).toBe(503);
    const forbidden = await call(
      sim,
      "GetOrganizationUsersGroupsReport",
      "GET",
      "/organizations/users/users_groups_report",
    );
    expect([forbidden.status, firstError(forbidden)?.code]).toEqual([403, "10010"]);
    const list = listOf(
      await call(sim, LIST, "GET", "/managed_accounts?filter[organization_name][eq]=Never%20Made"),
    );
    expect(list.data).toEqual([]);
  });

  it("a fault with query affects only the requests whose query has those values", async () => {
    await fault({ operation: LIST, kind: "server_error", status: 502, query: { "page[number]": "2" } });
    expect(await listOk()).toBe(200);
    expect((await call(sim, LIST, "GET", "/managed_accounts?page[number]=3")).status).toBe(200);
    const second = await call(sim, LIST, "GET", "/managed_accounts?page[number]=2&page[size]=5", {
      allowUndocumented: [502],
    });
    expect(second.status).toBe(502);
    expect((await call(sim, LIST, "GET", "/managed_accounts?page[number]=2")).status).toBe(200);
  });

  it("reset drops the connection without answering", async () => {
    await fault({ operation: LIST, kind: "reset" });
    await expect(rawCall(sim, "GET", "/managed_accounts")).rejects.toThrow();
    expect(await listOk()).toBe(200);
  });

  it("truncate promises a longer body than it sends, after applying the change", async () => {
    await fault({ operation: "CreateManagedAccount", kind: "truncate" });
    await expect(
      rawCall(sim, "POST", "/managed_accounts", { body: { business_name: "Half Answered LLC" } }),
    ).rejects.toThrow();
    const list = listOf(
      await call(sim, LIST, "GET", "/managed_accounts?filter[organization_name][eq]=Half%20Answered%20LLC"),
    );
    expect(list.meta.total_results).toBe(1);
    await fault({ operation: "GetOrganizationUsersGroupsReport", kind: "truncate" });
    const csv = rawCall(sim, "GET", "/organizations/users/users_groups_report", {
      headers: { accept: "text/csv" },
    });
    await expect(csv).rejects.toThrow();
  });

  it("hang never answers until the client gives up, and close() still ends", async () => {
    const hanging = await startTestSimulator();
    await control(hanging, "POST", "/faults", { operation: "*", kind: "hang", times: 2 });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 300);
    await expect(
      fetch(`${hanging.url}/managed_accounts`, {
        headers: { authorization: `Bearer ${API_KEY}` },
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    clearTimeout(timer);
    const pending = fetch(`${hanging.url}/managed_accounts`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await hanging.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it("DELETE /faults clears armed faults", async () => {
    await fault({ operation: "*", kind: "server_error", times: 100 });
    await control(sim, "DELETE", "/faults");
    expect(await listOk()).toBe(200);
  });
});

describe("robustness", () => {
  it("answers 404 envelopes for unknown paths and methods, 413 for huge bodies, and keeps serving", async () => {
    for (const [method, path] of [
      ["GET", "/nowhere"],
      ["DELETE", "/managed_accounts"],
      ["PUT", "/organizations/users"],
    ] as const) {
      const answer = await rawCall(sim, method, path);
      expect(answer.status).toBe(404);
      expectErrorEnvelope(answer.body);
      expect(answer.headers.get("x-ratelimit-limit")).not.toBeNull();
    }
    const outside = await fetch(sim.url.replace(/\/v2$/, "/v1/managed_accounts"));
    expect(outside.status).toBe(404);
    const huge = JSON.stringify({ business_name: "x".repeat(2 * 1024 * 1024) });
    const big = await rawCall(sim, "POST", "/managed_accounts", { rawBody: huge });
    expect(big.status).toBe(413);
    expectErrorEnvelope(big.body);
    expect(await listOk()).toBe(200);
  });

  it("survives a garbage request line and a body cut short", async () => {
    const url = new URL(sim.url);
    await new Promise<void>((resolve) => {
      const req = request({
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: "/v2/managed_accounts",
        headers: {
          authorization: `Bearer ${API_KEY}`,
          "content-type": "application/json",
          "content-length": "100",
        },
      });
      req.on("error", () => resolve());
      req.write('{"business_name":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    const odd = await fetch(`${sim.url}/managed_accounts/%ZZ`, {
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    expect(odd.status).toBe(404);
    expect(await listOk()).toBe(200);
  });
});
