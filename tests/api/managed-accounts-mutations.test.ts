import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { requestCounts, resetSim } from "../support/sim-control";
import {
  auditRowsOf,
  expectError,
  reason,
  simAccount,
  simAccounts,
  simPool,
  type SimAccount,
} from "./managed-accounts-fixtures";

// Each change is checked where it really lands (the simulator), where the console shows it (list and
// detail, with no stale status), and in the audit trail.
interface AccountDto {
  id: string;
  status?: string;
  allowCustomPricing: boolean;
  memory?: {
    channelLimit: { value: number; setBy: string | null; setAt: string | null } | null;
    lastToggle: { state: string; by: string | null; at: string | null } | null;
  };
}

let admin: ApiClient;
let support: ApiClient;
let enabled: SimAccount[];
// x-request-id of each change, to find exactly its audit row.
const sent: Record<string, (string | null)[]> = {};
const track = (name: string, response: Response) => {
  (sent[name] ??= []).push(response.headers.get("x-request-id"));
  return response;
};

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  support = await signIn("support");
  enabled = (await simAccounts()).filter((account) => account.status === "enabled");
});

async function listedStatus(client: ApiClient, account: SimAccount): Promise<string | undefined> {
  const body = await client.getJson<{ data: AccountDto[] }>(
    `/api/managed-accounts?email=${encodeURIComponent(account.email)}&emailMatch=eq`,
  );
  return body.data.find((row) => row.id === account.id)?.status;
}

async function idsWithStatus(client: ApiClient, status: string): Promise<string[]> {
  const body = await client.getJson<{ data: AccountDto[] }>(
    `/api/managed-accounts?status=${status}&pageSize=250`,
  );
  return body.data.map((row) => row.id);
}

const detail = (client: ApiClient, id: string) =>
  client.getJson<{ data: AccountDto }>(`/api/managed-accounts/${id}`).then((body) => body.data);

describe("disable and enable", () => {
  it("disables: the sim, the list (all and status=disabled), the detail, memory and audit agree", async () => {
    const account = enabled[0]!;
    // Warm the status cache first: the answer after the change must not come from it.
    expect(await listedStatus(support, account)).toBe("enabled");

    const response = track(
      "disable",
      await support.post(`/api/managed-accounts/${account.id}/disable`, { reason }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { data: AccountDto }).data.status).toBe("disabled");

    expect((await simAccount(account.id)).status).toBe("disabled");
    expect(await listedStatus(support, account)).toBe("disabled");
    expect(await idsWithStatus(support, "disabled")).toContain(account.id);
    const shown = await detail(support, account.id);
    expect(shown.status).toBe("disabled");
    expect(shown.memory?.lastToggle).toMatchObject({ state: "disabled", by: staffEmail("support") });
    expect(Date.parse(shown.memory?.lastToggle?.at ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  // Audit rows are read through GET /api/audit; kept in their own tests so a missing audit API is named.
  it("the disable is in the audit trail with actor, target, reason and outcome", async () => {
    const account = enabled[0]!;
    const rows = await auditRowsOf(admin, { action: "account.disable", target: account.id }, sent.disable!);
    expect(rows[0]).toMatchObject({
      action: "account.disable",
      actorEmail: staffEmail("support"),
      targetId: account.id,
      reason,
      outcome: "success",
    });
  });

  it("enables again with reenableAllConnections, recorded in the audit summary", async () => {
    const account = enabled[0]!;
    const response = track(
      "enable",
      await admin.post(`/api/managed-accounts/${account.id}/enable`, {
        reason,
        reenableAllConnections: true,
      }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { data: AccountDto }).data.status).toBe("enabled");

    expect((await simAccount(account.id)).status).toBe("enabled");
    expect(await listedStatus(admin, account)).toBe("enabled");
    expect(await idsWithStatus(admin, "disabled")).not.toContain(account.id);
    const shown = await detail(admin, account.id);
    expect(shown.status).toBe("enabled");
    expect(shown.memory?.lastToggle).toMatchObject({ state: "enabled", by: staffEmail("admin") });
  });

  it("the enable is in the audit trail with its reenableAllConnections choice", async () => {
    const account = enabled[0]!;
    const rows = await auditRowsOf(admin, { action: "account.enable", target: account.id }, sent.enable!);
    expect(rows[0]).toMatchObject({ actorEmail: staffEmail("admin"), reason, outcome: "success" });
    expect(rows[0]!.requestSummary).toMatchObject({ reenableAllConnections: true });
  });
});

describe("custom pricing", () => {
  it("toggles allowCustomPricing both ways", async () => {
    const account = enabled[1]!;
    const before = account.managed_account_allow_custom_pricing;
    for (const wanted of [!before, before]) {
      const response = track(
        "pricing",
        await admin.patch(`/api/managed-accounts/${account.id}`, { allowCustomPricing: wanted, reason }),
      );
      expect(response.status, await response.clone().text()).toBe(200);
      expect(((await response.json()) as { data: AccountDto }).data.allowCustomPricing).toBe(wanted);
      expect((await simAccount(account.id)).managed_account_allow_custom_pricing).toBe(wanted);
      expect((await detail(admin, account.id)).allowCustomPricing).toBe(wanted);
    }
  });

  it("both pricing changes are in the audit trail with actor, reason and outcome", async () => {
    const account = enabled[1]!;
    const rows = await auditRowsOf(
      admin,
      { action: "account.pricing.update", target: account.id },
      sent.pricing!,
    );
    expect(rows.map((row) => row.requestSummary?.allowCustomPricing).sort()).toEqual([false, true]);
    for (const row of rows) {
      expect(row).toMatchObject({
        action: "account.pricing.update",
        actorEmail: staffEmail("admin"),
        targetId: account.id,
        reason,
        outcome: "success",
      });
    }
  });
});

describe("channel limit", () => {
  let refusedLimit = -1;
  const put = (client: ApiClient, id: string, channelLimit: number) =>
    client.put(`/api/managed-accounts/${id}/channel-limit`, { channelLimit, reason });

  it("sets 0, then a normal value (the pool moves by that much), then refuses an over-allocation", async () => {
    const account = enabled[2]!;
    const zero = track("channelLimit", await put(support, account.id, 0));
    expect(zero.status, await zero.clone().text()).toBe(200);
    expect(((await zero.json()) as { data: unknown }).data).toEqual({
      accountId: account.id,
      channelLimit: 0,
    });
    expect((await simAccount(account.id)).channel_limit).toBe(0);
    expect((await detail(support, account.id)).memory?.channelLimit).toMatchObject({
      value: 0,
      setBy: staffEmail("support"),
    });

    const before = await simPool();
    const seven = track("channelLimit", await put(support, account.id, 7));
    expect(seven.status, await seven.clone().text()).toBe(200);
    const after = await simPool();
    expect(after.allocated - before.allocated).toBe(7);
    const channels = await support.getJson<{ data: { allocated: number; headroom: number } }>(
      "/api/managed-accounts/channels",
    );
    expect(channels.data).toMatchObject({
      allocated: after.allocated,
      headroom: after.allocatable - after.allocated,
    });
    expect((await detail(support, account.id)).memory?.channelLimit?.value).toBe(7);

    // The account holds 7 (we set it): asking for 7 + headroom + 1 needs one channel more than is free.
    const headroom = after.allocatable - after.allocated;
    const updatesBefore = (await requestCounts()).UpdateManagedAccountGlobalChannelLimit;
    const refused = track("channelLimit", await put(support, account.id, 7 + headroom + 1));
    const body = await expectError(refused, 422, "validation_failed", "channelLimit");
    expect(body.error.fields?.channelLimit).toContain(String(headroom));
    expect((await requestCounts()).UpdateManagedAccountGlobalChannelLimit).toBe(updatesBefore);
    expect((await simAccount(account.id)).channel_limit).toBe(7);
    expect((await simPool()).allocated).toBe(after.allocated);
    refusedLimit = 7 + headroom + 1;
  });

  it("all three channel-limit requests are in the audit trail, the refused one as a failure", async () => {
    const account = enabled[2]!;
    const rows = await auditRowsOf(
      admin,
      { action: "account.channel_limit.update", target: account.id },
      sent.channelLimit!,
    );
    const outcomes = rows.map((row) => `${String(row.requestSummary?.channelLimit)}:${row.outcome}`);
    expect(outcomes.sort()).toEqual(["0:success", "7:success", `${refusedLimit}:failure`].sort());
  });

  it("fills the pool exactly to its last channel", async () => {
    const account = enabled[3]!;
    await put(admin, account.id, 0);
    const pool = await simPool();
    const headroom = pool.allocatable - pool.allocated;
    const response = await put(admin, account.id, headroom);
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await simPool()).allocated).toBe(pool.allocatable);
    // Give the channels back so other files start from a pool with room.
    await put(admin, account.id, 0);
  });
});
