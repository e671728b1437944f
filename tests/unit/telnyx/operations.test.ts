// All 12 Telnyx operations, driven through lib/telnyx against the real simulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  channelLimitSchema,
  channelPoolSchema,
  createdManagedAccountSchema,
} from "@/lib/schemas/managed-accounts";
import { managedAccountListQuerySchema, managedAccountSchema } from "@/lib/schemas/managed-accounts";
import { orgUserListQuerySchema, orgUserSchema } from "@/lib/schemas/org-users";
import * as accounts from "@/lib/telnyx/managed-accounts";
import * as users from "@/lib/telnyx/org-users";
import { rejectionOf, startTestSim, type TestSim } from "./sim-harness";

interface TruthAccount {
  id: string;
  email: string;
  status: string;
  channel_limit: number | null;
  managed_account_allow_custom_pricing: boolean;
}
interface TruthUser {
  id: string;
  email: string;
  record_type: string;
  groups: string[];
}

let sim: TestSim;
const accountsQuery = (input: Record<string, unknown> = {}) => managedAccountListQuerySchema.parse(input);
const usersQuery = (input: Record<string, unknown> = {}) => orgUserListQuerySchema.parse(input);
const truthAccounts = async () =>
  (await sim.control<{ data: TruthAccount[] }>("GET", "/state/accounts")).data;
const truthUsers = async () => (await sim.control<{ data: TruthUser[] }>("GET", "/state/users")).data;
const accountWith = async (status: string) => {
  const found = (await truthAccounts()).find((account) => account.status === status);
  if (!found) throw new Error(`The seed has no ${status} account`);
  return found;
};

beforeAll(async () => {
  sim = await startTestSim({ accounts: 60, users: 30 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await sim.control("POST", "/reset", { accounts: 60, users: 30 });
  // Status sets are cached for a few seconds; a reseeded simulator must not meet old ones.
  accounts.forgetAccountStatuses();
});

describe("managed accounts", () => {
  it("lists a page with meta and a status derived for every row that matches the simulator", async () => {
    const truth = new Map((await truthAccounts()).map((account) => [account.id, account.status]));
    const page = await accounts.listManagedAccounts(accountsQuery({ pageSize: "50" }));
    expect(page.data).toHaveLength(50);
    expect(page.meta).toMatchObject({ page: 1, pageSize: 50 });
    expect(page.meta.totalResults).toBe(
      [...truth.values()].filter((status) => status !== "cancelled").length,
    );
    for (const account of page.data) {
      managedAccountSchema.parse(account);
      expect(account.status).toBe(truth.get(account.id));
    }
    expect(new Set(page.data.map((account) => account.status))).toContain("disabled");
  });

  it("filters on status, email and organization, and sorts", async () => {
    const disabled = await accounts.listManagedAccounts(
      accountsQuery({ status: "disabled", pageSize: "250" }),
    );
    const truth = await truthAccounts();
    expect(disabled.data.length).toBe(truth.filter((account) => account.status === "disabled").length);
    expect(disabled.data.every((account) => account.status === "disabled")).toBe(true);

    const sample = truth.find((account) => account.status === "enabled")!;
    const byEmail = await accounts.listManagedAccounts(
      accountsQuery({ email: sample.email, emailMatch: "eq" }),
    );
    expect(byEmail.data.map((account) => account.id)).toEqual([sample.id]);
    const part = sample.email.slice(0, 4).toUpperCase();
    const contains = await accounts.listManagedAccounts(accountsQuery({ email: part, pageSize: "250" }));
    expect(contains.data.map((account) => account.id)).toContain(sample.id);

    const sorted = await accounts.listManagedAccounts(accountsQuery({ sort: "-email", pageSize: "20" }));
    const emails = sorted.data.map((account) => account.email);
    expect(emails).toEqual([...emails].sort().reverse());

    const withCancelled = await accounts.listManagedAccounts(
      accountsQuery({ includeCancelled: "true", pageSize: "250" }),
    );
    expect(withCancelled.data.some((account) => account.status === "cancelled")).toBe(true);
  });

  it("creates an account (its key shown once) and never retries", async () => {
    const created = await accounts.createManagedAccount({
      businessName: "Larry's Cat Food Inc",
      email: "larry@cats.example",
      password: "3jVjLq!tMuWKyWx4NN*CvhnB",
      allowCustomPricing: true,
      rollupBilling: false,
    });
    createdManagedAccountSchema.parse(created);
    expect(created).toMatchObject({ organizationName: "Larry's Cat Food Inc", allowCustomPricing: true });
    expect(created.apiKey.length).toBeGreaterThan(10);
    expect((await sim.counts()).CreateManagedAccount).toBe(1);
  });

  it("reads the channel pool and sets a channel limit", async () => {
    const pool = channelPoolSchema.parse(await accounts.getChannelPool());
    const state = await sim.control<{ data: { allocatable: number; allocated: number } }>(
      "GET",
      "/state/pool",
    );
    expect(pool).toEqual({
      ...state.data,
      headroom: Math.max(0, state.data.allocatable - state.data.allocated),
    });

    const target = await accountWith("enabled");
    const answer = channelLimitSchema.parse(await accounts.updateGlobalChannelLimit(target.id, 0));
    expect(answer).toEqual({ accountId: target.id, channelLimit: 0 });
    expect(
      (await sim.control<{ data: TruthAccount }>("GET", `/state/accounts/${target.id}`)).data.channel_limit,
    ).toBe(0);
  });

  it("retrieves one account with balance and status, and answers not_found for an unknown id", async () => {
    const target = await accountWith("disabled");
    const account = await accounts.getManagedAccount(target.id);
    managedAccountSchema.parse(account);
    expect(account).toMatchObject({ id: target.id, email: target.email, status: "disabled" });
    expect(account.balance?.currency).toBeTruthy();
    const missing = await rejectionOf(accounts.getManagedAccount("00000000-0000-4000-8000-000000000000"));
    expect(missing).toMatchObject({ code: "not_found", upstreamStatus: 404 });
  });

  it("toggles pricing, disables and enables, and the next list shows the new status at once", async () => {
    const target = await accountWith("enabled");
    const pricing = await accounts.updateManagedAccountPricing(
      target.id,
      !target.managed_account_allow_custom_pricing,
    );
    expect(pricing.allowCustomPricing).toBe(!target.managed_account_allow_custom_pricing);

    const filters = { email: target.email, emailMatch: "eq" };
    expect((await accounts.listManagedAccounts(accountsQuery(filters))).data[0]?.status).toBe("enabled");
    expect((await accounts.disableManagedAccount(target.id)).status).toBe("disabled");
    expect((await accounts.listManagedAccounts(accountsQuery(filters))).data[0]?.status).toBe("disabled");
    const enabled = await accounts.enableManagedAccount(target.id, { reenableAllConnections: true });
    expect(enabled.status).toBe("enabled");
    expect(
      (await sim.control<{ data: TruthAccount }>("GET", `/state/accounts/${target.id}`)).data.status,
    ).toBe("enabled");
  });
});

describe("organization users", () => {
  it("lists users with groups and filters by status", async () => {
    const page = await users.listOrgUsers(usersQuery({ pageSize: "10", includeGroups: "true" }));
    expect(page.data).toHaveLength(10);
    expect(page.meta).toMatchObject({ page: 1, pageSize: 10, totalResults: 30 });
    for (const user of page.data) expect(orgUserSchema.parse(user).groups).toBeDefined();
    const plain = await users.listOrgUsers(usersQuery({ status: "enabled" }));
    expect(plain.data.every((user) => user.userStatus === "enabled" && user.groups === undefined)).toBe(true);
  });

  it("retrieves one user with groups, removes a sub-user, and refuses to remove the owner", async () => {
    const all = await truthUsers();
    const sub = all.find((user) => user.record_type === "organization_sub_user")!;
    const owner = all.find((user) => user.record_type === "organization_owner")!;
    const user = await users.getOrgUser(sub.id);
    expect(user.groups?.map((group) => group.name).sort()).toEqual([...sub.groups].sort());

    const removed = await users.removeOrgUser(sub.id);
    expect(removed.id).toBe(sub.id);
    expect(await rejectionOf(users.getOrgUser(sub.id))).toMatchObject({ code: "not_found" });
    expect(await rejectionOf(users.removeOrgUser(owner.id))).toMatchObject({
      code: "forbidden",
      upstreamStatus: 403,
    });
  });

  it("gets the groups report as JSON and streams it as CSV", async () => {
    const report = await users.getGroupsReportJson();
    expect(report).toHaveLength(30);
    for (const user of report) expect(orgUserSchema.parse(user).groups).toBeDefined();

    const stream = await users.streamGroupsReportCsv();
    const text = await new Response(stream).text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("id,email,user_status,created_at,last_sign_in_at,groups");
    expect(lines).toHaveLength(31);
  });
});
