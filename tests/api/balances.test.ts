import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BalanceRefresh, FleetBalance } from "@/lib/schemas/balances";
import type { ListMeta } from "@/lib/schemas/common";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { sleep } from "../support/audit-rows";
import { simUrl } from "../support/env";
import { resetSim } from "../support/sim-control";
import { expectError } from "./managed-accounts-fixtures";

// The fleet's balances: an admin's refresh reads every account (through the simulator), the list sorts and
// filters them from the snapshots, and the accounts list shows each row's stored balance.
let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;
type SimAccount = { id: string; status: string; rollup_billing: boolean };
let accounts: SimAccount[];

async function sim<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simUrl()}/__sim${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, await response.clone().text()).toBe(true);
  return (await response.json()) as T;
}

async function refreshAndWait(): Promise<BalanceRefresh> {
  const started = await admin.post("/api/balances/refresh", {});
  expect(started.status).toBe(202);
  const { data } = (await started.json()) as { data: BalanceRefresh };
  for (let tries = 0; tries < 300; tries++) {
    const latest = await admin.getJson<{ data: BalanceRefresh }>("/api/balances/refresh");
    if (latest.data.id === data.id && !["queued", "running"].includes(latest.data.status)) return latest.data;
    await sleep(100);
  }
  throw new Error("The refresh did not end.");
}

const list = (client: ApiClient, search: string) =>
  client.getJson<{ data: FleetBalance[]; meta: ListMeta }>(`/api/balances?${search}`);

beforeAll(async () => {
  await resetSim({ accounts: 40, users: 5 });
  [admin, support, viewer] = await Promise.all([signIn("admin"), signIn("support"), signIn("viewer")]);
  accounts = (await sim<{ data: SimAccount[] }>("GET", "/state/accounts")).data;
}, 60_000);

afterAll(async () => {
  // Back to the suite's default fleet for the files after this one.
  await resetSim({ accounts: 320, users: 160 });
});

describe("refresh", () => {
  it("is an admin's: support and viewers get 403, anyone signed out 401, and nothing starts", async () => {
    await expectError(await support.post("/api/balances/refresh", {}), 403, "forbidden");
    await expectError(await viewer.post("/api/balances/refresh", {}), 403, "forbidden");
    await expectError(await anonymousClient().post("/api/balances/refresh", {}), 401, "unauthorized");
    // An admin's body must be an empty object.
    await expectError(await admin.post("/api/balances/refresh", { accounts: 5 }), 422, "validation_failed");
    const before = await sim<Record<string, number>>("GET", "/requests");
    await sleep(300);
    expect((await sim<Record<string, number>>("GET", "/requests")).RetrieveManagedAccount).toBe(
      before.RetrieveManagedAccount,
    );
  });

  it("reads every account not cancelled once, answering 202 with the refresh and its progress", async () => {
    await sim("POST", "/requests/reset");
    const refresh = await refreshAndWait();
    const readable = accounts.filter((account) => account.status !== "cancelled");
    expect(refresh).toMatchObject({ status: "succeeded", total: readable.length, done: readable.length });
    expect(refresh.scheduled).toBe(false);
    const counts = await sim<Record<string, number>>("GET", "/requests");
    expect(counts.RetrieveManagedAccount).toBe(readable.length);
    // Everyone may watch its progress.
    const seen = await viewer.getJson<{ data: BalanceRefresh }>("/api/balances/refresh");
    expect(seen.data.id).toBe(refresh.id);
  });
});

describe("GET /api/balances", () => {
  it("lists the latest balances lowest first, rollup accounts marked with no amount of their own", async () => {
    const page = await list(viewer, "pageSize=100");
    const ids = new Set(page.data.map((row) => row.accountId));
    for (const account of accounts.filter((a) => a.status !== "cancelled"))
      expect(ids.has(account.id)).toBe(true);
    const amounts = page.data.filter((row) => row.amount !== null).map((row) => Number(row.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
    const rollups = page.data.filter((row) => row.rollupBilling);
    expect(rollups.length).toBeGreaterThan(0);
    for (const row of rollups) expect(row.amount).toBeNull();
    const descending = await list(viewer, "sort=balance&order=desc&pageSize=100");
    const down = descending.data.filter((row) => row.amount !== null).map((row) => Number(row.amount));
    expect(down).toEqual([...down].sort((a, b) => b - a));
  });

  it("filters to accounts below their threshold, and works out days left from the spend", async () => {
    const spender = accounts.find((account) => account.status === "enabled" && !account.rollup_billing)!;
    await sim("POST", `/accounts/${spender.id}/balance`, { balance: "3.00" });
    await refreshAndWait();
    // A simulated day later, every spending account has a slope.
    await sim("POST", "/clock", { advanceMinutes: 24 * 60 });
    await refreshAndWait();
    const below = await list(support, "belowThreshold=1&pageSize=100");
    expect(below.data.map((row) => row.accountId)).toContain(spender.id);
    for (const row of below.data) {
      expect(row.isBelowThreshold).toBe(true);
      expect(Number(row.amount)).toBeLessThan(Number(row.threshold));
    }
    const byDays = await list(viewer, "sort=days_left&pageSize=100");
    const days = byDays.data.filter((row) => row.daysLeft !== null).map((row) => Number(row.daysLeft));
    expect(days.length).toBeGreaterThan(0);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    // Not spending: no days left, listed after the ones that are.
    const lastWithDays = byDays.data.findLastIndex((row) => row.daysLeft !== null);
    expect(byDays.data.slice(0, lastWithDays).every((row) => row.daysLeft !== null)).toBe(true);
  }, 60_000);

  it("refuses bad input with field messages", async () => {
    await expectError(await viewer.get("/api/balances?sort=email"), 400, "bad_request", "sort");
    await expectError(await viewer.get("/api/balances?order=up"), 400, "bad_request", "order");
    await expectError(
      await viewer.get("/api/balances?belowThreshold=maybe"),
      400,
      "bad_request",
      "belowThreshold",
    );
    await expectError(await viewer.get("/api/balances?pageSize=0"), 400, "bad_request", "pageSize");
  });
});

describe("the accounts list", () => {
  it("shows each row's stored balance and when it was read, with no extra Telnyx read", async () => {
    await sim("POST", "/requests/reset");
    const page = await viewer.getJson<{
      data: { id: string; rollupBilling: boolean; latestBalance?: { amount: string | null; asOf: string } }[];
    }>("/api/managed-accounts?pageSize=20");
    expect(page.data.length).toBeGreaterThan(0);
    for (const row of page.data) {
      expect(row.latestBalance?.asOf).toEqual(expect.any(String));
      if (!row.rollupBilling) expect(row.latestBalance?.amount).toMatch(/^-?\d+\.\d{2,4}$/);
    }
    expect((await sim<Record<string, number>>("GET", "/requests")).RetrieveManagedAccount).toBe(0);
  });
});
