import { createRandom } from "./prng";
import type { AccountRecord } from "./types";

// Spend: an account's balance falls at its own rate (cents a day) on the simulator's clock, which is real
// time plus an offset tests and demos move forward (POST /__sim/clock). Rates come from a PRNG of their
// own, seeded from the seed, so adding them changed none of the seeded accounts or users.

export const DAY_MS = 86_400_000;

/** Gives each seeded account a rate; only enabled accounts make calls, so only they spend. */
export function seedSpendRates(accounts: AccountRecord[], seed: number, now: number): void {
  const random = createRandom((seed ^ 0x5bd1e995) >>> 0);
  for (const account of accounts) {
    const roll = random.next();
    // About one in five is idle; the rest spend between $2 and $120 a day.
    const rate = roll < 0.2 ? 0 : random.int(200, 12_000);
    account.spendCentsPerDay = account.status === "enabled" && !account.rollupBilling ? rate : 0;
    account.balanceAtMs = now;
  }
}

/**
 * The balance at `nowMs`: what it was at `balanceAtMs` less the spend since. Spending stops once the
 * credit limit is used up (Telnyx stops calls there), but a balance set lower by hand stays where it is.
 */
export function balanceCentsAt(account: AccountRecord, nowMs: number): number {
  const elapsed = Math.max(0, nowMs - account.balanceAtMs);
  const spent = Math.floor((account.spendCentsPerDay * elapsed) / DAY_MS);
  const floor = Math.min(account.balanceCents, -account.creditLimitCents);
  return Math.max(floor, account.balanceCents - spent);
}

/** "12.34", "-5", 7.5 -> cents; anything else (more than two decimals, not a number) -> undefined. */
export function parseBalanceCents(value: unknown): number | undefined {
  const text = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d{1,9}(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return text.startsWith("-") ? -cents : cents;
}
