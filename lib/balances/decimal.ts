// Balances travel as the decimal strings Telnyx sends ("12.50", "-3.2"); comparing them as floats would
// put 0.1 + 0.2 on the wrong side of a line. They are compared as whole ten-thousandths (numeric(14,4)).
const SCALE = 4;
const decimalPattern = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal string as an integer count of ten-thousandths, or null when it is not a plain decimal. */
export function toTenThousandths(value: string): bigint | null {
  const match = decimalPattern.exec(value.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole + fraction.padEnd(SCALE, "0").slice(0, SCALE));
  return sign ? -units : units;
}

/** Ten-thousandths back to a decimal string with two places at least ("50.00", "12.3456"). */
export function fromTenThousandths(units: bigint): string {
  const negative = units < BigInt(0);
  const digits = (negative ? -units : units).toString().padStart(SCALE + 1, "0");
  const fraction = digits.slice(-SCALE).replace(/0{1,2}$/, "");
  return `${negative ? "-" : ""}${digits.slice(0, -SCALE)}.${fraction}`;
}

/** The decimal string normalised ("50" → "50.00"), or null when it is not a decimal. */
export function normaliseDecimal(value: string): string | null {
  const units = toTenThousandths(value);
  return units === null ? null : fromTenThousandths(units);
}
