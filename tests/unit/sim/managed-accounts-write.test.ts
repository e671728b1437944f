import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import {
  accountStates,
  call,
  control,
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

beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(async () => {
  await control(sim, "POST", "/reset", {});
  states = await accountStates(sim);
});
afterAll(async () => {
  await sim.close();
  console.info(`[spec validations] managed-accounts-write: ${JSON.stringify(validationCounts)}`);
});

const byStatus = (status: AccountState["status"]) => {
  const found = states.find((state) => state.status === status);
  if (!found) throw new Error(`no ${status} account seeded`);
  return found;
};
const stateOf = async (id: string) =>
  ((await (await control(sim, "GET", `/state/accounts/${id}`)).json()) as { data: AccountState }).data;
const pool = async () =>
  dataOf<{ total_global_channels_allocated: number; allocatable_global_outbound_channels: number }>(
    await call(
      sim,
      "ListAllocatableGlobalOutboundChannels",
      "GET",
      "/managed_accounts/allocatable_global_outbound_channels",
    ),
  );
const create = (body: unknown) => call(sim, "CreateManagedAccount", "POST", "/managed_accounts", { body });
describe("POST /managed_accounts", () => {
  it("creates an account (200) with fresh secrets that later reads see", async () => {
    const answer = await create({
      business_name: "Larry's Cat Food Inc",
      email: "larry@cat-food.example.com",
      password: "3jVjLq!tMuWKyWx4NN*CvhnB",
      managed_account_allow_custom_pricing: true,
      rollup_billing: false,
    });
    expect(answer.status).toBe(200);
    const account = dataOf<WireAccount>(answer);
    expect(account).toMatchObject({
      organization_name: "Larry's Cat Food Inc",
      email: "larry@cat-food.example.com",
      managed_account_allow_custom_pricing: true,
      rollup_billing: false,
    });
    expect(account.api_key).toMatch(/^KEY0[0-9A-F]{32}_/);
    expect(account.balance).toMatchObject({ balance: "0.00", currency: "USD" });
    const second = dataOf<WireAccount>(await create({ business_name: "Larry's Cat Food Inc" }));
    expect(second.api_key).not.toBe(account.api_key);
    expect(second.email).not.toBe(account.email);
    const newest = listOf<WireAccount>(
      await call(sim, "ListManagedAccounts", "GET", "/managed_accounts?page[size]=2"),
    );
    expect(newest.data.map((a) => a.id)).toEqual(expect.arrayContaining([account.id, second.id]));
    const retrieved = dataOf<WireAccount>(
      await call(sim, "RetrieveManagedAccount", "GET", `/managed_accounts/${account.id}`),
    );
    expect(retrieved.api_key).toBe(account.api_key);
    expect((await stateOf(account.id)).status).toBe("enabled");
  });

  it.each([
    [{}, "/business_name"],
    [{ business_name: "" }, "/business_name"],
    [{ business_name: 42 }, "/business_name"],
    [{ business_name: "Ok Co", email: "not-an-email" }, "/email"],
    [{ business_name: "Ok Co", password: "short" }, "/password"],
    [{ business_name: "Ok Co", rollup_billing: "yes" }, "/rollup_billing"],
    [
      { business_name: "Ok Co", managed_account_allow_custom_pricing: 1 },
      "/managed_account_allow_custom_pricing",
    ],
  ])("refuses %j with 422 at %s", async (body, pointer) => {
    const answer = await create(body);
    expect(answer.status).toBe(422);
    expect(firstError(answer)?.source).toEqual({ pointer });
  });

  it("refuses a taken email with 422", async () => {
    const taken = states[0]?.email.toUpperCase();
    const answer = await create({ business_name: "Dup Co", email: taken });
    expect(answer.status).toBe(422);
    expect(firstError(answer)?.source?.pointer).toBe("/email");
  });

  it("answers 400 code 10015 for malformed JSON and a non-object body; 415 for a non-JSON type; 401", async () => {
    for (const rawBody of ["{not json", "[1,2]", '"text"']) {
      const answer = await call(sim, "CreateManagedAccount", "POST", "/managed_accounts", {
        rawBody,
        allowUndocumented: [400],
      });
      expect(answer.status).toBe(400);
      expect(firstError(answer)?.code).toBe("10015");
    }
    const form = await call(sim, "CreateManagedAccount", "POST", "/managed_accounts", {
      rawBody: "business_name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      allowUndocumented: [415],
    });
    expect(form.status).toBe(415);
    const denied = await call(sim, "CreateManagedAccount", "POST", "/managed_accounts", {
      body: { business_name: "X" },
      apiKey: "bad",
    });
    expect(denied.status).toBe(401);
    expect(
      listOf(
        await call(sim, "ListManagedAccounts", "GET", "/managed_accounts?include_cancelled_accounts=true"),
      ).meta.total_results,
    ).toBe(states.length);
  });
});

describe("PATCH /managed_accounts/{id}", () => {
  it("toggles custom pricing and moves updated_at", async () => {
    const target = states.find((s) => !s.managed_account_allow_custom_pricing) ?? byStatus("enabled");
    const path = `/managed_accounts/${target.id}`;
    const before = dataOf<WireAccount>(await call(sim, "RetrieveManagedAccount", "GET", path));
    const answer = await call(sim, "UpdateManagedAccount", "PATCH", path, {
      body: { managed_account_allow_custom_pricing: true },
    });
    const after = dataOf<WireAccount>(answer);
    expect(after.managed_account_allow_custom_pricing).toBe(true);
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect(
      dataOf<WireAccount>(await call(sim, "RetrieveManagedAccount", "GET", path))
        .managed_account_allow_custom_pricing,
    ).toBe(true);
  });

  it("refuses any other field or a non-boolean with 422; 404 unknown; 401", async () => {
    const path = `/managed_accounts/${byStatus("enabled").id}`;
    for (const [body, pointer] of [
      [{ rollup_billing: true }, "/rollup_billing"],
      [{ organization_name: "New" }, "/organization_name"],
      [{ managed_account_allow_custom_pricing: "true" }, "/managed_account_allow_custom_pricing"],
    ] as const) {
      const answer = await call(sim, "UpdateManagedAccount", "PATCH", path, { body });
      expect(answer.status).toBe(422);
      expect(firstError(answer)?.source?.pointer).toBe(pointer);
    }
    const unknown = "/managed_accounts/11111111-1111-4111-8111-111111111111";
    expect((await call(sim, "UpdateManagedAccount", "PATCH", unknown, { body: {} })).status).toBe(404);
    expect((await call(sim, "UpdateManagedAccount", "PATCH", path, { body: {}, apiKey: null })).status).toBe(
      401,
    );
  });
});

describe("enable and disable", () => {
  it("disabling shows under filter[status][eq]=disabled, not enabled; enabling reverses it", async () => {
    const target = byStatus("enabled");
    const disabled = await call(
      sim,
      "DisableManagedAccount",
      "POST",
      `/managed_accounts/${target.id}/actions/disable`,
    );
    expect(disabled.status).toBe(200);
    expect(dataOf<WireAccount>(disabled)).not.toHaveProperty("status");
    const emailQuery = `/managed_accounts?filter[email][eq]=${encodeURIComponent(target.email)}`;
    const inDisabled = await call(
      sim,
      "ListManagedAccounts",
      "GET",
      `${emailQuery}&filter[status][eq]=disabled`,
    );
    expect(listOf<WireAccount>(inDisabled).data.map((a) => a.id)).toEqual([target.id]);
    const inEnabled = await call(
      sim,
      "ListManagedAccounts",
      "GET",
      `${emailQuery}&filter[status][eq]=enabled`,
    );
    expect(listOf(inEnabled).data).toEqual([]);
    // Idempotent: disabling again answers 200 and leaves it disabled.
    expect(
      (await call(sim, "DisableManagedAccount", "POST", `/managed_accounts/${target.id}/actions/disable`))
        .status,
    ).toBe(200);
    const enabled = await call(
      sim,
      "EnableManagedAccount",
      "POST",
      `/managed_accounts/${target.id}/actions/enable`,
      {
        body: { reenable_all_connections: true },
      },
    );
    expect(enabled.status).toBe(200);
    expect((await stateOf(target.id)).status).toBe("enabled");
    expect(
      listOf(await call(sim, "ListManagedAccounts", "GET", `${emailQuery}&filter[status][eq]=enabled`)).data,
    ).toHaveLength(1);
  });

  it("refuses cancelled and blocked accounts (422), a bad body (422), unknown ids (404) and bad keys (401)", async () => {
    for (const status of ["cancelled", "blocked"] as const) {
      const id = byStatus(status).id;
      for (const [operation, action] of [
        ["DisableManagedAccount", "disable"],
        ["EnableManagedAccount", "enable"],
      ] as const) {
        const answer = await call(sim, operation, "POST", `/managed_accounts/${id}/actions/${action}`);
        expect(answer.status).toBe(422);
      }
      expect((await stateOf(id)).status).toBe(status);
    }
    const id = byStatus("disabled").id;
    const badBody = await call(
      sim,
      "EnableManagedAccount",
      "POST",
      `/managed_accounts/${id}/actions/enable`,
      {
        body: { reenable_all_connections: "yes" },
      },
    );
    expect(firstError(badBody)?.source?.pointer).toBe("/reenable_all_connections");
    for (const [operation, action] of [
      ["DisableManagedAccount", "disable"],
      ["EnableManagedAccount", "enable"],
    ] as const) {
      expect(
        (await call(sim, operation, "POST", `/managed_accounts/not-a-uuid/actions/${action}`)).status,
      ).toBe(404);
      expect(
        (await call(sim, operation, "POST", `/managed_accounts/${id}/actions/${action}`, { apiKey: "x" }))
          .status,
      ).toBe(401);
    }
  });
});

describe("PATCH /managed_accounts/{id}/update_global_channel_limit", () => {
  const OP = "UpdateManagedAccountGlobalChannelLimit";
  const limitPath = (id: string) => `/managed_accounts/${id}/update_global_channel_limit`;

  it("sets a limit, answers it, and moves the pool's allocated total by the difference", async () => {
    const target =
      states.find((s) => s.status === "enabled" && s.channel_limit === null) ?? byStatus("enabled");
    const before = await pool();
    const answer = await call(sim, OP, "PATCH", limitPath(target.id), { body: { channel_limit: 30 } });
    expect(dataOf(answer)).toMatchObject({ id: target.id, email: target.email, channel_limit: 30 });
    expect((await pool()).total_global_channels_allocated).toBe(before.total_global_channels_allocated + 30);
    await call(sim, OP, "PATCH", limitPath(target.id), { body: { channel_limit: 0 } });
    expect((await pool()).total_global_channels_allocated).toBe(before.total_global_channels_allocated);
    expect((await stateOf(target.id)).channel_limit).toBe(0);
  });

  it("refuses more than the pool has left, negatives, fractions and a missing value with 422 at /channel_limit", async () => {
    const target = byStatus("enabled");
    const { allocatable_global_outbound_channels: size, total_global_channels_allocated: used } =
      await pool();
    const tooMany = size - used + (target.channel_limit ?? 0) + 1;
    for (const body of [
      { channel_limit: tooMany },
      { channel_limit: -1 },
      { channel_limit: 2.5 },
      { channel_limit: "3" },
      {},
    ]) {
      const answer = await call(sim, OP, "PATCH", limitPath(target.id), { body });
      expect(answer.status).toBe(422);
      expect(firstError(answer)?.source?.pointer).toBe("/channel_limit");
    }
    expect((await pool()).total_global_channels_allocated).toBe(used);
    const exact = await call(sim, OP, "PATCH", limitPath(target.id), {
      body: { channel_limit: tooMany - 1 },
    });
    expect(exact.status).toBe(200);
    expect((await pool()).total_global_channels_allocated).toBe(size);
    expect(
      (
        await call(sim, OP, "PATCH", limitPath("22222222-2222-4222-8222-222222222222"), {
          body: { channel_limit: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(sim, OP, "PATCH", limitPath(target.id), { body: { channel_limit: 1 }, apiKey: null }))
        .status,
    ).toBe(401);
  });
});
