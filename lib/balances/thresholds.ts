// Low-balance thresholds: one default for the fleet, and per-account overrides in account_alert_thresholds.
// The default, 50.00 in the account's currency, is about a week of light traffic for a small sub-account:
// early enough to top up before calls stop, late enough not to flag every new account.
import { normaliseDecimal } from "./decimal";

export const BUILT_IN_DEFAULT_THRESHOLD = "50.00";

/** SUBDESK_LOW_BALANCE_THRESHOLD, normalised; throws (at start-up) when it is not a decimal. */
export function defaultThreshold(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SUBDESK_LOW_BALANCE_THRESHOLD?.trim();
  if (!configured) return BUILT_IN_DEFAULT_THRESHOLD;
  const value = normaliseDecimal(configured);
  if (value === null) {
    throw new Error(
      `SUBDESK_LOW_BALANCE_THRESHOLD must be a decimal amount such as 50.00 (got "${configured}").`,
    );
  }
  return value;
}

/** The threshold that applies to an account: its own, or the default. */
export function thresholdFor(accountId: string, overrides: Map<string, string>, fallback: string): string {
  const own = overrides.get(accountId);
  return own === undefined ? fallback : (normaliseDecimal(own) ?? fallback);
}
