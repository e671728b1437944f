// How lib/telnyx behaves when Telnyx misbehaves: retries, Retry-After, deadlines, cut answers, bad keys.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { managedAccountListQuerySchema } from "@/lib/schemas/managed-accounts";
import { orgUserListQuerySchema } from "@/lib/schemas/org-users";
import * as accounts from "@/lib/telnyx/managed-accounts";
import * as users from "@/lib/telnyx/org-users";
import { rejectionOf, startTestSim, type TestSim } from "./sim-harness";

let sim: TestSim;
// status "enabled" skips the status-set lookups, so the counts below are of the page request alone.
const enabledPage = () => managedAccountListQuerySchema.parse({ status: "enabled", pageSize: "5" });
const fault = (body: Record<string, unknown>) => sim.control("POST", "/faults", body);
const countOf = async (operation: string) => (await sim.counts())[operation];
const anyAccountId = async () => (await accounts.listManagedAccounts(enabledPage())).data[0]!.id;

beforeAll(async () => {
  sim = await startTestSim({ accounts: 20, users: 10 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  sim.configure({ timeoutMs: 5_000, maxRetries: 2 });
  await sim.control("DELETE", "/faults");
  await sim.control("POST", "/requests/reset");
});

describe("rate limits", () => {
  it("retries a 429 with a short Retry-After and succeeds", async () => {
    await fault({ operation: "ListManagedAccounts", kind: "rate_limit", times: 1, retryAfter: 1 });
    const startedAt = Date.now();
    const page = await accounts.listManagedAccounts(enabledPage());
    expect(page.data.length).toBeGreaterThan(0);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(900);
    expect(await countOf("ListManagedAccounts")).toBe(2);
  });

  it("passes a long Retry-After on as rate_limited at once instead of waiting it out", async () => {
    await fault({ operation: "ListManagedAccounts", kind: "rate_limit", times: 1, retryAfter: 30 });
    const startedAt = Date.now();
    const error = await rejectionOf(accounts.listManagedAccounts(enabledPage()));
    expect(error).toMatchObject({ code: "rate_limited", retryAfter: 30, upstreamStatus: 429 });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(await countOf("ListManagedAccounts")).toBe(1);
  });

  it("gives up after TELNYX_MAX_RETRIES and says when to try again", async () => {
    await fault({ operation: "ListOrganizationUsers", kind: "rate_limit", times: 10, retryAfter: 0 });
    const error = await rejectionOf(users.listOrgUsers(orgUserListQuerySchema.parse({})));
    expect(error.code).toBe("rate_limited");
    expect(error.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await countOf("ListOrganizationUsers")).toBe(3);
  });
});

describe("server errors and cut connections", () => {
  it("never retries a create, even on a 500", async () => {
    await fault({ operation: "CreateManagedAccount", kind: "server_error", status: 500, times: 5 });
    const error = await rejectionOf(accounts.createManagedAccount({ businessName: "Retry Me Not" }));
    expect(error).toMatchObject({ code: "upstream_unavailable", upstreamStatus: 500 });
    expect(await countOf("CreateManagedAccount")).toBe(1);
  });

  it("never retries removing a user", async () => {
    const id = (await users.listOrgUsers(orgUserListQuerySchema.parse({}))).data[1]!.id;
    await fault({ operation: "DeleteOrganizationUser", kind: "reset", times: 5 });
    expect(await rejectionOf(users.removeOrgUser(id))).toMatchObject({ code: "upstream_unavailable" });
    expect(await countOf("DeleteOrganizationUser")).toBe(1);
  });

  it("retries a read after a 503 and succeeds", async () => {
    await fault({ operation: "ListAllocatableGlobalOutboundChannels", kind: "server_error", status: 503 });
    expect((await accounts.getChannelPool()).allocatable).toBeGreaterThan(0);
    expect(await countOf("ListAllocatableGlobalOutboundChannels")).toBe(2);
  });

  it("maps a reset connection to upstream_unavailable", async () => {
    const id = (await users.listOrgUsers(orgUserListQuerySchema.parse({}))).data[0]!.id;
    await fault({ operation: "GetOrganizationUser", kind: "reset", times: 10 });
    const error = await rejectionOf(users.getOrgUser(id));
    expect(error.code).toBe("upstream_unavailable");
    expect(error.upstreamStatus).toBeUndefined();
  });

  it("maps a body cut off mid-way to upstream_unavailable, and retries it for reads", async () => {
    await fault({ operation: "ListOrganizationUsers", kind: "truncate", times: 10 });
    const error = await rejectionOf(users.listOrgUsers(orgUserListQuerySchema.parse({})));
    expect(error).toMatchObject({
      code: "upstream_unavailable",
      message: expect.stringMatching(/incomplete/),
    });
    expect(await countOf("ListOrganizationUsers")).toBe(3);

    await sim.control("DELETE", "/faults");
    await fault({ operation: "ListOrganizationUsers", kind: "truncate", times: 1 });
    expect((await users.listOrgUsers(orgUserListQuerySchema.parse({}))).data.length).toBeGreaterThan(0);
  });

  it("maps a cut-off create to upstream_unavailable without a second attempt", async () => {
    await fault({ operation: "CreateManagedAccount", kind: "truncate" });
    const error = await rejectionOf(accounts.createManagedAccount({ businessName: "Half An Answer" }));
    expect(error.code).toBe("upstream_unavailable");
    expect(await countOf("CreateManagedAccount")).toBe(1);
  });

  it("errors the CSV stream when the report is cut off mid-way", async () => {
    await fault({ operation: "GetOrganizationUsersGroupsReport", kind: "truncate" });
    const stream = await users.streamGroupsReportCsv();
    const error = await rejectionOf(new Response(stream).text());
    expect(error.code).toBe("upstream_unavailable");
  });
});

describe("deadlines", () => {
  it("ends a hung request as upstream_timeout within the deadline", async () => {
    const id = await anyAccountId();
    sim.configure({ timeoutMs: 1_500 });
    await fault({ operation: "RetrieveManagedAccount", kind: "hang", times: 10 });
    const startedAt = Date.now();
    const error = await rejectionOf(accounts.getManagedAccount(id));
    const elapsed = Date.now() - startedAt;
    expect(error.code).toBe("upstream_timeout");
    expect(elapsed).toBeGreaterThanOrEqual(1_400);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("ends a slow answer as upstream_timeout, and a hung report stream too", async () => {
    sim.configure({ timeoutMs: 1_000 });
    await fault({ operation: "ListAllocatableGlobalOutboundChannels", kind: "latency", ms: 3_000 });
    expect(await rejectionOf(accounts.getChannelPool())).toMatchObject({ code: "upstream_timeout" });
    await fault({ operation: "GetOrganizationUsersGroupsReport", kind: "hang", times: 5 });
    expect(await rejectionOf(users.streamGroupsReportCsv())).toMatchObject({ code: "upstream_timeout" });
  });

  it("does not sleep past the deadline for a Retry-After that would not fit", async () => {
    sim.configure({ timeoutMs: 1_500 });
    await fault({ operation: "ListManagedAccounts", kind: "rate_limit", times: 1, retryAfter: 3 });
    const startedAt = Date.now();
    expect(await rejectionOf(accounts.listManagedAccounts(enabledPage()))).toMatchObject({
      code: "rate_limited",
      retryAfter: 3,
    });
    expect(Date.now() - startedAt).toBeLessThan(500);
  });
});

describe("answers Telnyx refuses", () => {
  it("reports a wrong console key as upstream_unavailable (our misconfiguration), without retrying", async () => {
    sim.configure({ apiKey: "KEYwrong" });
    const error = await rejectionOf(users.listOrgUsers(orgUserListQuerySchema.parse({})));
    expect(error).toMatchObject({
      code: "upstream_unavailable",
      upstreamStatus: 401,
      message: "Telnyx rejected the console's API key.",
    });
    expect(await countOf("ListOrganizationUsers")).toBe(1);
  });

  it("maps 422 source.pointer onto our field names with Telnyx's detail", async () => {
    const taken = (await accounts.listManagedAccounts(enabledPage())).data[0]!.email;
    const duplicate = await rejectionOf(accounts.createManagedAccount({ businessName: "Dup", email: taken }));
    expect(duplicate).toMatchObject({ code: "validation_failed", upstreamStatus: 422 });
    expect(duplicate.fields).toEqual({ email: "email has already been taken." });
    expect(duplicate.message).not.toContain("taken");

    // Bypassing our own schema on purpose, to see Telnyx's refusal mapped.
    const short = await rejectionOf(
      accounts.createManagedAccount({ businessName: "Short", password: "abc" }),
    );
    expect(Object.keys(short.fields ?? {})).toEqual(["password"]);

    const pool = await accounts.getChannelPool();
    const tooMany = await rejectionOf(
      accounts.updateGlobalChannelLimit(await anyAccountId(), pool.allocatable + 1),
    );
    expect(Object.keys(tooMany.fields ?? {})).toEqual(["channelLimit"]);
  });

  it("maps 422 source.parameter onto our query names", async () => {
    const query = { ...enabledPage(), email: "ab", emailMatch: "contains" as const };
    const error = await rejectionOf(accounts.listManagedAccounts(query));
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields ?? {})).toEqual(["email"]);
  });
});
