// The cached status sets follow our own enables and disables (lib/telnyx/account-status.ts): corrected in
// place when Telnyx confirms, so a bulk job does not make every list read fetch every set again; dropped
// when the answer was lost. Against the real simulator, counting the list requests it received.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { managedAccountListQuerySchema } from "@/lib/schemas/managed-accounts";
import * as accounts from "@/lib/telnyx/managed-accounts";
import { upstreamState, type StatusSet } from "@/lib/telnyx/state";
import { rejectionOf, startTestSim, type TestSim } from "./sim-harness";

interface TruthAccount {
  id: string;
  email: string;
  status: string;
}

let sim: TestSim;
const truthAccounts = async () =>
  (await sim.control<{ data: TruthAccount[] }>("GET", "/state/accounts")).data;
const listRequests = async () => (await sim.counts()).ListManagedAccounts ?? 0;
const statusOf = async (id: string, filters: Record<string, unknown> = {}) => {
  const query = managedAccountListQuerySchema.parse({ pageSize: "250", ...filters });
  return (await accounts.listManagedAccounts(query)).data.find((account) => account.id === id)?.status;
};

beforeAll(async () => {
  sim = await startTestSim({ accounts: 60, users: 5 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.control("POST", "/reset", { accounts: 60, users: 5 });
  await sim.control("DELETE", "/faults");
  accounts.forgetAccountStatuses();
});

async function anEnabledAccount() {
  const found = (await truthAccounts()).find((account) => account.status === "enabled");
  if (!found) throw new Error("The seed has no enabled account");
  return found;
}

describe("status sets kept in memory", () => {
  it("sets past their stale window are let go at the next fetch, not kept until the cache is full", async () => {
    const target = await anEnabledAccount();
    await statusOf(target.id, { email: target.email, emailMatch: "eq" });
    const cache = upstreamState().statusSets;
    const oldKeys = [...cache.keys()];
    expect(oldKeys.length).toBeGreaterThan(0);
    for (const entry of cache.values()) entry.staleUntil = Date.now() - 1;

    await statusOf(target.id);
    expect([...cache.keys()].filter((key) => oldKeys.includes(key))).toEqual([]);
  });
});

describe("status sets after our own changes", () => {
  it("a confirmed disable and enable correct the cached sets: the next lists are right and fetch no set", async () => {
    const target = await anEnabledAccount();
    expect(await statusOf(target.id)).toBe("enabled");
    const afterFirstList = await listRequests();

    await accounts.disableManagedAccount(target.id);
    expect(await statusOf(target.id)).toBe("disabled");
    // The page itself, and nothing else: the disabled and blocked sets came from the cache.
    expect((await listRequests()) - afterFirstList).toBe(1);

    await accounts.enableManagedAccount(target.id);
    expect(await statusOf(target.id)).toBe("enabled");
    expect((await listRequests()) - afterFirstList).toBe(2);
    expect((await truthAccounts()).find((account) => account.id === target.id)?.status).toBe("enabled");
  });

  it("a set filtered by email or organization is fetched again, since whether it matches is Telnyx's to say", async () => {
    const target = await anEnabledAccount();
    const byEmail = { email: target.email, emailMatch: "eq" };
    expect(await statusOf(target.id, byEmail)).toBe("enabled");
    const before = await listRequests();

    await accounts.disableManagedAccount(target.id);
    expect(await statusOf(target.id, byEmail)).toBe("disabled");
    // The page and the dropped disabled set; the blocked set was only corrected.
    expect((await listRequests()) - before).toBe(2);
  });

  it("a set being fetched when the change lands is corrected when it arrives", async () => {
    const target = await anEnabledAccount();
    expect(await statusOf(target.id)).toBe("enabled");
    // Stand in for fetches that read Telnyx just before the change and answer just after it.
    const cache = upstreamState().statusSets;
    const landings: Array<() => Promise<void>> = [];
    for (const entry of cache.values()) {
      const answered = entry.promise;
      let land!: (set: StatusSet) => void;
      entry.promise = new Promise<StatusSet>((resolve) => (land = resolve));
      landings.push(async () => land(await answered));
    }
    expect(landings.length).toBeGreaterThan(0);

    await accounts.disableManagedAccount(target.id);
    await Promise.all(landings.map((landing) => landing()));
    expect(await statusOf(target.id)).toBe("disabled");
  });

  it("a refusal keeps the cached sets: nothing changed, and a bulk job meets one per blocked account", async () => {
    const blocked = (await truthAccounts()).find((account) => account.status === "blocked");
    if (!blocked) throw new Error("The seed has no blocked account");
    expect(await statusOf(blocked.id)).toBe("blocked");
    await sim.control("POST", "/faults", {
      operation: "DisableManagedAccount",
      kind: "server_error",
      status: 422,
      times: 1,
    });
    await rejectionOf(accounts.disableManagedAccount(blocked.id));
    expect(upstreamState().statusSets.size).toBeGreaterThan(0);
    const before = await listRequests();
    expect(await statusOf(blocked.id)).toBe("blocked");
    expect((await listRequests()) - before).toBe(1);
  });

  it("a lost answer drops every cached set: the next list reads Telnyx's truth", async () => {
    const target = await anEnabledAccount();
    expect(await statusOf(target.id)).toBe("enabled");
    sim.configure({ timeoutMs: 300, maxRetries: 0 });
    try {
      // Telnyx disables the account but its answer comes after our deadline.
      await sim.control("POST", "/faults", {
        operation: "DisableManagedAccount",
        kind: "latency",
        ms: 800,
        times: 1,
      });
      await rejectionOf(accounts.disableManagedAccount(target.id));
    } finally {
      sim.configure();
    }
    expect(upstreamState().statusSets.size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await statusOf(target.id)).toBe("disabled");
  });

  it("a set past its TTL is served at once while its successor is fetched in the background", async () => {
    const target = await anEnabledAccount();
    expect(await statusOf(target.id)).toBe("enabled");
    // Someone disables the account elsewhere (the Telnyx portal): our cache does not know.
    const response = await fetch(`${sim.simulator.url}/managed_accounts/${target.id}/actions/disable`, {
      method: "POST",
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(response.status).toBe(200);
    // The sets' TTL passes.
    for (const entry of upstreamState().statusSets.values()) entry.expiresAt = Date.now() - 1;
    const before = await listRequests();

    // The reader is answered from the expired sets, with one request (the page) of its own...
    expect(await statusOf(target.id)).toBe("enabled");
    const refreshes = [...upstreamState().statusSets.values()].map((entry) => entry.refresh);
    expect(refreshes.every((refresh) => refresh !== undefined)).toBe(true);
    await Promise.all(refreshes);
    // ...while each set was fetched again behind it, and the next read has Telnyx's truth without a wait.
    expect((await listRequests()) - before).toBe(1 + refreshes.length);
    expect(await statusOf(target.id)).toBe("disabled");
    expect((await listRequests()) - before).toBe(2 + refreshes.length);
  });

  it("a set too old to serve is fetched while the reader waits", async () => {
    const target = await anEnabledAccount();
    expect(await statusOf(target.id)).toBe("enabled");
    await fetch(`${sim.simulator.url}/managed_accounts/${target.id}/actions/disable`, {
      method: "POST",
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    for (const entry of upstreamState().statusSets.values()) {
      entry.expiresAt = Date.now() - 1;
      entry.staleUntil = Date.now() - 1;
    }
    expect(await statusOf(target.id)).toBe("disabled");
  });
});
