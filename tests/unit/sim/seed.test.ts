import { describe, expect, it } from "vitest";

import { seedState } from "../../../lib/sim/seed";
import { API_KEY, call, control, dataOf, listOf, startTestSimulator, type WireUser } from "./helpers";

const NOW = Date.parse("2026-06-01T00:00:00.000Z");
const DAY = 86_400_000;

describe("seed", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = seedState({ seed: 42, accounts: 320, users: 160, now: NOW });
    const b = seedState({ seed: 42, accounts: 320, users: 160, now: NOW });
    const c = seedState({ seed: 7, accounts: 320, users: 160, now: NOW });
    expect(b).toEqual(a);
    expect(c.accounts.map((x) => x.id)).not.toEqual(a.accounts.map((x) => x.id));
  });

  it("seeds realistic managed accounts with every status, pricing mix and a pool within bounds", () => {
    const { accounts, manager } = seedState({ seed: 42, accounts: 320, users: 10, now: NOW });
    expect(accounts).toHaveLength(320);
    expect(new Set(accounts.map((a) => a.email.toLowerCase())).size).toBe(320);
    const share = (status: string) => accounts.filter((a) => a.status === status).length / accounts.length;
    expect(share("disabled")).toBeGreaterThan(0.05);
    expect(share("disabled")).toBeLessThan(0.16);
    expect(share("cancelled")).toBeGreaterThan(0.02);
    expect(share("cancelled")).toBeLessThan(0.1);
    expect(share("blocked")).toBeGreaterThan(0);
    expect(accounts.some((a) => a.allowCustomPricing) && accounts.some((a) => a.rollupBilling)).toBe(true);
    expect(new Set(accounts.map((a) => a.organizationName)).size).toBeGreaterThan(250);
    const ages = accounts.map((a) => NOW - a.createdAtMs);
    expect(Math.max(...ages)).toBeGreaterThan(2.5 * 365 * DAY);
    expect(Math.min(...ages)).toBeLessThan(30 * DAY);
    const allocated = accounts.reduce((sum, a) => sum + (a.channelLimit ?? 0), 0);
    expect(allocated).toBeGreaterThan(0);
    expect(allocated).toBeLessThanOrEqual(manager.allocatableChannels);
    for (const account of accounts)
      expect(Date.parse(account.updatedAt)).toBeGreaterThanOrEqual(account.createdAtMs);
  });

  it("seeds one owner and sub-users with every status, groups, never-signed-in, dormant and SSO bypass", () => {
    const { users, groups } = seedState({ seed: 42, accounts: 0, users: 160, now: NOW });
    expect(users.filter((u) => u.recordType === "organization_owner")).toHaveLength(1);
    expect(new Set(users.map((u) => u.userStatus))).toEqual(new Set(["enabled", "disabled", "blocked"]));
    expect(groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(["Billing", "Engineering", "Support", "NOC", "Finance"]),
    );
    expect(users.some((u) => u.groupIds.length === 0)).toBe(true);
    expect(users.some((u) => u.groupIds.length > 1)).toBe(true);
    expect(users.some((u) => u.lastSignInAt === null)).toBe(true);
    expect(users.some((u) => u.lastSignInAt !== null && NOW - Date.parse(u.lastSignInAt) > 90 * DAY)).toBe(
      true,
    );
    expect(users.some((u) => u.bypassesSso)).toBe(true);
    for (const user of users) {
      if (user.lastSignInAt) expect(Date.parse(user.lastSignInAt)).toBeGreaterThanOrEqual(user.createdAtMs);
    }
  });

  it("keeps the interesting cases even in a tiny seed", () => {
    const { accounts, users } = seedState({ seed: 3, accounts: 6, users: 8, now: NOW });
    expect(new Set(accounts.map((a) => a.status))).toEqual(
      new Set(["enabled", "disabled", "cancelled", "blocked"]),
    );
    expect(users.some((u) => u.lastSignInAt === null)).toBe(true);
  });

  it("seeds 10,000 accounts and 50,000 users quickly", () => {
    const started = performance.now();
    const state = seedState({ seed: 1, accounts: 10_000, users: 50_000, now: NOW });
    const elapsed = performance.now() - started;
    expect(state.accounts).toHaveLength(10_000);
    expect(state.users).toHaveLength(50_000);
    console.info(`[seed] 10k accounts + 50k users in ${elapsed.toFixed(0)} ms`);
  });

  it("serves the same ids from two simulators with the same seed, and streams a 50,000-user CSV", async () => {
    const one = await startTestSimulator({ accounts: 30, users: 20 });
    const two = await startTestSimulator({ accounts: 30, users: 20 });
    try {
      const idsOf = async (sim: typeof one) =>
        listOf<WireUser>(
          await call(sim, "ListManagedAccounts", "GET", "/managed_accounts?page[size]=250"),
        ).data.map((a) => a.id);
      expect(await idsOf(two)).toEqual(await idsOf(one));
      expect((await idsOf(one)).length).toBeGreaterThan(20);
      await control(one, "POST", "/reset", { accounts: 10_000, users: 50_000 });
      const response = await fetch(`${one.url}/organizations/users/users_groups_report`, {
        headers: { authorization: `Bearer ${API_KEY}`, accept: "text/csv" },
      });
      expect(response.headers.get("content-length")).toBeNull();
      const text = await response.text();
      expect(text.trimEnd().split("\n")).toHaveLength(50_001);
      const page = await call(
        one,
        "ListManagedAccounts",
        "GET",
        "/managed_accounts?filter[organization_name][contains]=acme",
      );
      expect(listOf(page).meta.total_results).toBeGreaterThan(50);
      const users = await call(one, "ListOrganizationUsers", "GET", "/organizations/users?page[number]=200");
      expect(dataOf<WireUser[]>(users)).toHaveLength(250);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
