// How fast an account spends and how many days its balance lasts at that pace, from its recent snapshots.
// Rates are estimates, so plain numbers serve here; money that is compared against a line (thresholds)
// stays in decimal strings (decimal.ts).

export const SPEND_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;
/** Below a cent a day the account is idle, not spending. */
const IDLE_PER_DAY = 0.01;
/** Past this, "days left" says nothing useful (and must fit numeric(12,2)). */
export const MAX_DAYS_LEFT = 99_999;

export interface BalancePoint {
  amount: number;
  at: Date;
}

/**
 * Money spent a day: the least-squares slope of the points since the last top-up (a rise), over the recent
 * window. A top-up would otherwise read as income and hide the spend around it. Null with fewer than two
 * points, or points all at one instant.
 */
export function spendPerDay(points: readonly BalancePoint[]): number | null {
  const sorted = [...points].sort((a, b) => a.at.getTime() - b.at.getTime());
  let start = 0;
  for (let index = 1; index < sorted.length; index += 1) {
    if ((sorted[index]?.amount ?? 0) > (sorted[index - 1]?.amount ?? 0)) start = index;
  }
  const run = sorted.slice(start);
  if (run.length < 2) return null;
  const xs = run.map((point) => point.at.getTime() / DAY_MS);
  const ys = run.map((point) => point.amount);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  for (let index = 0; index < xs.length; index += 1) {
    const dx = (xs[index] ?? 0) - meanX;
    numerator += dx * ((ys[index] ?? 0) - meanY);
    denominator += dx * dx;
  }
  if (denominator === 0) return null;
  return -numerator / denominator;
}

/** Days until the balance reaches zero at `perDay`; 0 when already at or below zero; null when not spending. */
export function daysLeft(amount: number | null, perDay: number | null): number | null {
  if (amount === null || perDay === null || perDay < IDLE_PER_DAY) return null;
  if (amount <= 0) return 0;
  return Math.min(MAX_DAYS_LEFT, amount / perDay);
}
