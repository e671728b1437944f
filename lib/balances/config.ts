// The balance refresh's settings, read when used so a test server's environment applies.

export const DEFAULT_BALANCE_MAX_RPS = 2;
export const DEFAULT_REFRESH_MINUTES = 30;
export const HISTORY_DAYS = 90;

function positiveNumber(name: string, fallback: number, allowZero: boolean): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`${name} must be a number above 0${allowZero ? " (or 0)" : ""}, got "${raw}".`);
  }
  return value;
}

/**
 * SUBDESK_BALANCE_MAX_RPS: requests a second the refresh sends at most (default 2), well under the bulk
 * jobs' ceiling: it runs every half hour whether anyone watches or not, so it takes a small share.
 */
export function balanceMaxRps(): number {
  return positiveNumber("SUBDESK_BALANCE_MAX_RPS", DEFAULT_BALANCE_MAX_RPS, false);
}

/** SUBDESK_BALANCE_REFRESH_MINUTES: minutes between scheduled refreshes (default 30); 0 turns them off. */
export function refreshMinutes(): number {
  return positiveNumber("SUBDESK_BALANCE_REFRESH_MINUTES", DEFAULT_REFRESH_MINUTES, true);
}
