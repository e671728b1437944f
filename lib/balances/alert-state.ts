// The low-balance state machine, pure so that its hysteresis is tested without a database.
//
// An account is "low" when its balance drops below its threshold, and "ok" again only once the balance
// reaches the threshold plus a margin. Without the margin a balance that wobbles around the line (spend
// takes it to 49.90, a small top-up to 50.10, spend again...) would send low, recovered, low... to the
// on-call channel every refresh. The margin is 10% of the threshold, at least 1.00 of the currency: large
// enough that spend noise at the line does not clear an alert, small enough that a real top-up does.
import { fromTenThousandths, toTenThousandths } from "./decimal";

export type AlertState = "ok" | "low";
export type AlertEventType = "balance.low" | "balance.recovered";

const MARGIN_PERCENT = BigInt(10);
const MINIMUM_MARGIN = BigInt(10_000); // 1.00 in ten-thousandths

export interface Reading {
  /** The state stored for the account, or null when it was never evaluated. */
  previous: AlertState | null;
  amount: string;
  threshold: string;
}

export interface Transition {
  next: AlertState;
  /** The alert to raise, when the state changed in a way people should hear about. */
  event: AlertEventType | null;
}

/** The margin above the threshold a low balance must reach to count as recovered. */
export function recoveryMargin(threshold: bigint): bigint {
  const tenth = ((threshold < BigInt(0) ? -threshold : threshold) * MARGIN_PERCENT) / BigInt(100);
  return tenth > MINIMUM_MARGIN ? tenth : MINIMUM_MARGIN;
}

/** The balance at which a low account counts as recovered, as a decimal string. */
export function recoveryLine(threshold: string): string {
  const units = toTenThousandths(threshold);
  if (units === null) throw new Error(`Not a decimal threshold: ${threshold}`);
  return fromTenThousandths(units + recoveryMargin(units));
}

/**
 * The next state for one reading. A first reading above the line is quietly "ok"; a first reading below
 * it alerts (an account found low is news whether or not we saw it go there).
 */
export function nextAlertState({ previous, amount, threshold }: Reading): Transition {
  const balance = toTenThousandths(amount);
  const line = toTenThousandths(threshold);
  if (balance === null || line === null) throw new Error("A balance and a threshold must be decimals.");
  if (previous !== "low") {
    return balance < line ? { next: "low", event: "balance.low" } : { next: "ok", event: null };
  }
  return balance >= line + recoveryMargin(line)
    ? { next: "ok", event: "balance.recovered" }
    : { next: "low", event: null };
}
