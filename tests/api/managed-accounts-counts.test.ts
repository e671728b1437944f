import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managedAccountListMetaSchema, type AccountStatusCounts } from "@/lib/schemas/managed-accounts";
import { signIn, type ApiClient } from "../support/api-client";
import { requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";
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

// Every seeded email contains ".example.com": this filter is the whole fleet under a cache key of its own.
// The server caches status sets for 15 s by filter; another file's sets (another seed size, a change made
// just before a reset) must not answer for ours, nor ours for theirs.
const fleet = `email=${encodeURIComponent(".example.com")}`;

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
    expect(accounts.every((account) => account.email.includes(".example.com"))).toBe(true);
    expect(await countsOf(`pageSize=1&${fleet}`)).toEqual(expected);
    expect(await countsOf(`pageSize=1&includeCancelled=true&${fleet}`)).toEqual(truth(accounts, true));
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
    const before = await countsOf(`pageSize=1&${fleet}`);
    const account = (await simAccounts()).find((candidate) => candidate.status === "enabled")!;
    const response = await support.post(`/api/managed-accounts/${account.id}/disable`, {
      reason: "Counts test: cached tab counts follow our own change",
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await countsOf(`pageSize=1&${fleet}`)).toEqual({
      ...before,
      enabled: before!.enabled! - 1,
      disabled: before!.disabled! + 1,
    });
    expect(await countsOf(`pageSize=1&${fleet}`)).toEqual(truth(await simAccounts(), false));
  });
});
