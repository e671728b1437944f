import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import {
  accountStates,
  call,
  dataOf,
  firstError,
  listOf,
  startTestSimulator,
  type AccountState,
  type WireAccount,
} from "./helpers";
import { validationCounts } from "./spec-validator";

let sim: Simulator;
let states: AccountState[];
const LIST = "ListManagedAccounts";

beforeAll(async () => {
  sim = await startTestSimulator();
  states = await accountStates(sim);
});
afterAll(async () => {
  await sim.close();
  console.info(`[spec validations] managed-accounts-read: ${JSON.stringify(validationCounts)}`);
});

const list = (query: string) => call(sim, LIST, "GET", `/managed_accounts${query}`);
async function listAllIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const body = listOf<WireAccount>(await list(`${query}&page[size]=250&page[number]=${page}`));
    ids.push(...body.data.map((account) => account.id));
    if (page >= body.meta.total_pages) return ids;
  }
}
const visible = () => states.filter((state) => state.status !== "cancelled");

describe("GET /managed_accounts", () => {
  it("answers the first 20 visible accounts, newest first, with the spec's meta and no secrets", async () => {
    const answer = await list("");
    expect(answer.status).toBe(200);
    const body = listOf<WireAccount>(answer);
    expect(body.meta).toEqual({
      page_number: 1,
      page_size: 20,
      total_pages: Math.ceil(visible().length / 20),
      total_results: visible().length,
    });
    expect(body.data).toHaveLength(20);
    const times = body.data.map((account) => Date.parse(account.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const account of body.data) {
      expect(account).not.toHaveProperty("api_key");
      expect(account).not.toHaveProperty("balance");
      expect(account).not.toHaveProperty("status");
    }
    for (const name of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) {
      expect(Number(answer.headers.get(name))).toBeGreaterThanOrEqual(0);
    }
  });

  it("walks every page without overlap and answers an empty page past the end", async () => {
    const seen = new Set<string>();
    const first = listOf<WireAccount>(await list("?page[size]=250"));
    for (let page = 1; page <= first.meta.total_pages; page += 1) {
      const body = listOf<WireAccount>(await list(`?page[size]=250&page[number]=${page}`));
      body.data.forEach((account) => seen.add(account.id));
    }
    expect(seen.size).toBe(visible().length);
    const past = listOf<WireAccount>(
      await list(`?page[size]=250&page[number]=${first.meta.total_pages + 5}`),
    );
    expect(past.data).toEqual([]);
    expect(past.meta).toMatchObject({
      page_number: first.meta.total_pages + 5,
      total_results: visible().length,
    });
  });

  it.each([
    ["email", (a: string, b: string) => (a < b ? -1 : 1)],
    ["-email", (a: string, b: string) => (a < b ? 1 : -1)],
  ])("sorts by %s", async (sort, compare) => {
    const emails = listOf<WireAccount>(await list(`?sort=${sort}&page[size]=100`)).data.map((a) =>
      a.email.toLowerCase(),
    );
    expect([...emails].sort(compare)).toEqual(emails);
  });

  it("sorts by created_at ascending when asked", async () => {
    const times = listOf<WireAccount>(await list("?sort=created_at&page[size]=50")).data.map(
      (a) => a.created_at,
    );
    expect([...times].sort()).toEqual(times);
  });

  it("filters email and organization name by case-insensitive contains and by exact match", async () => {
    const target = visible()[7];
    if (!target) throw new Error("seed too small");
    const domain = target.email.split("@")[1] ?? "";
    const byContains = listOf<WireAccount>(
      await list(`?filter[email][contains]=${domain.toUpperCase()}&page[size]=250`),
    );
    expect(byContains.data.map((a) => a.id)).toContain(target.id);
    expect(byContains.data.every((a) => a.email.toLowerCase().includes(domain))).toBe(true);
    const byEq = listOf<WireAccount>(await list(`?filter[email][eq]=${encodeURIComponent(target.email)}`));
    expect(byEq.data.map((a) => a.id)).toEqual([target.id]);
    const word = target.organization_name.slice(0, 4).toLowerCase();
    const byOrg = listOf<WireAccount>(
      await list(`?filter[organization_name][contains]=${encodeURIComponent(word)}&page[size]=250`),
    );
    expect(byOrg.data.length).toBeGreaterThan(0);
    expect(byOrg.data.every((a) => a.organization_name.toLowerCase().includes(word))).toBe(true);
    const byOrgEq = listOf<WireAccount>(
      await list(
        `?filter[organization_name][eq]=${encodeURIComponent(target.organization_name)}&page[size]=250`,
      ),
    );
    expect(byOrgEq.data.every((a) => a.organization_name === target.organization_name)).toBe(true);
    expect(byOrgEq.data.map((a) => a.id)).toContain(target.id);
  });

  it.each(["enabled", "disabled", "blocked", "cancelled"] as const)(
    "filter[status][eq]=%s matches the state",
    async (status) => {
      const expected = states
        .filter((state) => state.status === status)
        .map((state) => state.id)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect((await listAllIds(`?filter[status][eq]=${status}`)).sort()).toEqual(expected);
    },
  );

  it("hides cancelled accounts unless include_cancelled_accounts=true; 'all' and 'active' behave", async () => {
    const withCancelled = listOf<WireAccount>(await list("?include_cancelled_accounts=true"));
    expect(withCancelled.meta.total_results).toBe(states.length);
    const all = listOf<WireAccount>(await list("?filter[status][eq]=all"));
    expect(all.meta.total_results).toBe(visible().length);
    const active = listOf<WireAccount>(await list("?filter[status][eq]=active"));
    expect(active.meta.total_results).toBe(states.filter((s) => s.status === "enabled").length);
  });

  it.each([
    ["page[size]", "?page[size]=251"],
    ["page[size]", "?page[size]=0"],
    ["page[number]", "?page[number]=0"],
    ["page[number]", "?page[number]=two"],
    ["filter[email][contains]", "?filter[email][contains]=ab"],
    ["filter[organization_name][contains]", "?filter[organization_name][contains]=x"],
    ["filter[status][eq]", "?filter[status][eq]=sleeping"],
    ["sort", "?sort=organization_name"],
    ["include_cancelled_accounts", "?include_cancelled_accounts=yes"],
    ["filter[phone][eq]", "?filter[phone][eq]=1"],
  ])("refuses a bad %s with 422 and source.parameter", async (parameter, query) => {
    const answer = await call(sim, LIST, "GET", `/managed_accounts${query}`, { allowUndocumented: [422] });
    expect(answer.status).toBe(422);
    expect(firstError(answer)?.source).toEqual({ parameter });
  });

  it("answers 401 code 10009 for a wrong key and for none", async () => {
    for (const apiKey of ["KEY0WRONG", null]) {
      const answer = await call(sim, LIST, "GET", "/managed_accounts", { apiKey });
      expect(answer.status).toBe(401);
      expect(firstError(answer)?.code).toBe("10009");
    }
  });
});

describe("GET /managed_accounts/{id}", () => {
  it("answers the full account with secrets and a decimal USD balance", async () => {
    const state = states.find((s) => !s.rollup_billing);
    if (!state) throw new Error("no account with its own balance");
    const answer = await call(sim, "RetrieveManagedAccount", "GET", `/managed_accounts/${state.id}`);
    const account = dataOf<WireAccount>(answer);
    expect(account.id).toBe(state.id);
    expect(account.api_key).toMatch(/^KEY0[0-9A-F]{32}_[\w-]{22}$/);
    expect(account.api_token).toMatch(/^[\w-]{22}$/);
    expect(account.balance?.currency).toBe("USD");
    for (const value of [
      account.balance?.balance,
      account.balance?.credit_limit,
      account.balance?.available_credit,
    ]) {
      expect(value).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(Number(account.balance?.available_credit)).toBeCloseTo(
      Number(account.balance?.balance) + Number(account.balance?.credit_limit),
    );
    expect(account).not.toHaveProperty("status");
  });

  it("omits the balance of a rolled-up account", async () => {
    const state = states.find((s) => s.rollup_billing);
    if (!state) throw new Error("no rolled-up account");
    const account = dataOf<WireAccount>(
      await call(sim, "RetrieveManagedAccount", "GET", `/managed_accounts/${state.id}`),
    );
    expect(account.rollup_billing).toBe(true);
    expect(account).not.toHaveProperty("balance");
  });

  it("answers 404 code 10005 for an unknown and for a malformed id, 401 without a key", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "%E0%A4%A"]) {
      const answer = await call(sim, "RetrieveManagedAccount", "GET", `/managed_accounts/${id}`);
      expect(answer.status).toBe(404);
      expect(firstError(answer)?.code).toBe("10005");
    }
    const id = states[0]?.id ?? "";
    expect(
      (await call(sim, "RetrieveManagedAccount", "GET", `/managed_accounts/${id}`, { apiKey: "nope" }))
        .status,
    ).toBe(401);
  });
});

describe("GET /managed_accounts/allocatable_global_outbound_channels", () => {
  it("answers the pool and the sum of seeded limits; 401 without a key", async () => {
    const answer = await call(
      sim,
      "ListAllocatableGlobalOutboundChannels",
      "GET",
      "/managed_accounts/allocatable_global_outbound_channels",
    );
    const sum = states.reduce((total, s) => total + (s.channel_limit ?? 0), 0);
    expect(dataOf(answer)).toEqual({
      record_type: "allocatable_global_outbound_channels",
      allocatable_global_outbound_channels: 500,
      total_global_channels_allocated: sum,
    });
    expect(sum).toBeGreaterThan(0);
    const denied = await call(
      sim,
      "ListAllocatableGlobalOutboundChannels",
      "GET",
      "/managed_accounts/allocatable_global_outbound_channels",
      {
        apiKey: null,
      },
    );
    expect(denied.status).toBe(401);
  });
});
