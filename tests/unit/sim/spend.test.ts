import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import { balanceCentsAt, DAY_MS, parseBalanceCents } from "../../../lib/sim/spend";
import type { AccountRecord } from "../../../lib/sim/types";
import { accountStates, call, control, type WireAccount } from "./helpers";
import { startTestSimulator } from "./helpers";

let sim: Simulator;
const RETRIEVE = "RetrieveManagedAccount";

beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(async () => {
  await control(sim, "POST", "/reset", {});
});
afterAll(async () => {
  await sim.close();
});

const balanceOf = async (id: string) =>
  ((await call(sim, RETRIEVE, "GET", `/managed_accounts/${id}`)).body as { data: WireAccount }).data.balance;
const advance = (advanceMinutes: unknown) => control(sim, "POST", "/clock", { advanceMinutes });
const setBalance = (id: string, balance: unknown) =>
  control(sim, "POST", `/accounts/${id}/balance`, { balance });

describe("spend", () => {
  it("lowers enabled accounts' balances as the clock moves, the same way for the same seed", async () => {
    const states = (await accountStates(sim)).filter((s) => s.status === "enabled" && !s.rollup_billing);
    const before = await Promise.all(states.slice(0, 20).map((s) => balanceOf(s.id)));
    expect((await advance(24 * 60)).status).toBe(200);
    const after = await Promise.all(states.slice(0, 20).map((s) => balanceOf(s.id)));
    const drops = after.map((b, i) => Number(before[i]?.balance) - Number(b?.balance));
    expect(drops.every((drop) => drop >= 0)).toBe(true);
    expect(drops.filter((drop) => drop > 0).length).toBeGreaterThan(5);
    // Same seed again: the same balances a day on.
    await control(sim, "POST", "/reset", {});
    await advance(24 * 60);
    const again = await Promise.all(states.slice(0, 20).map((s) => balanceOf(s.id)));
    expect(again.map((b) => b?.balance)).toEqual(after.map((b) => b?.balance));
  });

  it("sets one account's balance, which spends on from there", async () => {
    const [state] = (await accountStates(sim)).filter((s) => s.status === "enabled" && !s.rollup_billing);
    if (!state) throw new Error("no spending account");
    expect((await setBalance(state.id, "12.50")).status).toBe(200);
    expect((await balanceOf(state.id))?.balance).toBe("12.50");
    await advance(60 * 24 * 365);
    const later = await balanceOf(state.id);
    // Never below the credit limit: spending stops where Telnyx would stop the calls.
    expect(Number(later?.balance)).toBeGreaterThanOrEqual(-Number(later?.credit_limit));
  });

  it("refuses a bad balance, a bad advance and an unknown account", async () => {
    const [state] = await accountStates(sim);
    if (!state) throw new Error("no account");
    expect((await setBalance(state.id, "1.234")).status).toBe(400);
    expect((await setBalance(state.id, "ten")).status).toBe(400);
    expect((await setBalance("00000000-0000-4000-8000-000000000000", "1")).status).toBe(404);
    expect((await advance(-5)).status).toBe(400);
    expect((await advance("5")).status).toBe(400);
  });
});

describe("balanceCentsAt", () => {
  const account = (change: Partial<AccountRecord>) =>
    ({
      balanceCents: 10_000,
      balanceAtMs: 0,
      spendCentsPerDay: 2_000,
      creditLimitCents: 5_000,
      ...change,
    }) as AccountRecord;
  it("falls linearly and stops at the credit limit", () => {
    expect(balanceCentsAt(account({}), DAY_MS)).toBe(8_000);
    expect(balanceCentsAt(account({}), DAY_MS * 30)).toBe(-5_000);
    expect(balanceCentsAt(account({ balanceCents: -9_000 }), DAY_MS)).toBe(-9_000);
  });
  it("parses decimal amounts exactly", () => {
    expect(parseBalanceCents("12.5")).toBe(1250);
    expect(parseBalanceCents("-0.05")).toBe(-5);
    expect(parseBalanceCents(7)).toBe(700);
    expect(parseBalanceCents("1e3")).toBeUndefined();
  });
});
