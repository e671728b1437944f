import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managedAccountListMetaSchema, type AccountStatusCounts } from "@/lib/schemas/managed-accounts";
import { signIn, type ApiClient } from "../support/api-client";
import {
  clearFaults,
  injectFault,
  requestCounts,
  resetRequestCounts,
  resetSim,
} from "../support/sim-control";
import { simAccounts, type SimAccount } from "./managed-accounts-fixtures";

// The status tabs' counts in the list answer, checked against what the simulator holds.
interface ListBody {
  data: { id: string }[];
  meta: unknown;
}

let viewer: ApiClient;
let support: ApiClient;

beforeAll(async () => {
  await resetSim();
  viewer = await signIn("viewer");
  support = await signIn("support");
});

afterAll(async () => {
  await resetSim();
  // The server caches status sets for 15 s; the next file may reseed the simulator with other accounts. A
  // disable whose outcome Telnyx leaves in doubt (a 500 to every try) makes the server drop every cached
  // set (withStatusChange) and changes nothing, so nothing of ours lingers.
  const account = (await simAccounts())[0]!;
  await injectFault({ operation: "DisableManagedAccount", kind: "server_error", status: 500, times: 100 });
  const failed = await support.post(`/api/managed-accounts/${account.id}/disable`, {
    reason: "Counts test: drop the cached status sets",
  });
  expect(failed.status).toBeGreaterThanOrEqual(500);
  await clearFaults();
});

function truth(accounts: SimAccount[], includeCancelled: boolean): AccountStatusCounts {
  const count = (status: SimAccount["status"]) =>
    accounts.filter((account) => account.status === status).length;
  return {
    all: includeCancelled ? accounts.length : accounts.length - count("cancelled"),
    enabled: count("enabled"),
    disabled: count("disabled"),
    blocked: count("blocked"),
    cancelled: count("cancelled"),
  };
}

async function countsOf(search: string): Promise<AccountStatusCounts | undefined> {
  const body = await viewer.getJson<ListBody>(`/api/managed-accounts?${search}`);
  return managedAccountListMetaSchema.parse(body.meta).statusCounts;
}

describe("status counts in GET /api/managed-accounts", () => {
  it("the All tab's answer counts every tab as the simulator holds it", async () => {
    const accounts = await simAccounts();
    const expected = truth(accounts, false);
    // The seed has some of each, so a count that ignored a status would show.
    for (const status of ["enabled", "disabled", "blocked", "cancelled"] as const) {
      expect(expected[status], status).toBeGreaterThan(0);
    }
    expect(await countsOf("pageSize=1")).toEqual(expected);
    expect(await countsOf("pageSize=1&includeCancelled=true")).toEqual(truth(accounts, true));
  });

  it("counts follow the email filter", async () => {
    const accounts = await simAccounts();
    const needle = accounts[0]!.email.split("@")[1]!.slice(0, 6);
    const matching = accounts.filter((account) => account.email.toLowerCase().includes(needle.toLowerCase()));
    expect(matching.length).toBeLessThan(accounts.length);
    expect(await countsOf(`pageSize=1&email=${encodeURIComponent(needle)}`)).toEqual(truth(matching, false));
  });

  it("another tab's answer carries none and stays one upstream request", async () => {
    await resetRequestCounts();
    expect(await countsOf("status=disabled&pageSize=1")).toBeUndefined();
    expect((await requestCounts()).ListManagedAccounts).toBe(1);
  });

  it("a disable through the console shows in the counts at once, though they are cached", async () => {
    const before = await countsOf("pageSize=1");
    const account = (await simAccounts()).find((candidate) => candidate.status === "enabled")!;
    const response = await support.post(`/api/managed-accounts/${account.id}/disable`, {
      reason: "Counts test: cached tab counts follow our own change",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await countsOf("pageSize=1")).toEqual({
      ...before,
      enabled: before!.enabled! - 1,
      disabled: before!.disabled! + 1,
    });
    expect(await countsOf("pageSize=1")).toEqual(truth(await simAccounts(), false));
  });
});
