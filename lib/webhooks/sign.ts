// Signs alert webhooks the way Stripe-style receivers expect: the header carries the time of signing and
// an HMAC-SHA256 of "<t>.<raw body>", so a receiver can check both who sent it and that it is not a replay.
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Subdesk-Signature";
/** How old a signature a receiver should accept by default: long enough for clock skew, short for replays. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function digest(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header value for one delivery attempt: `t=<unix seconds>,v1=<hex>`. */
export function signWebhook(secret: string, rawBody: string, now = Date.now()): string {
  const timestamp = Math.floor(now / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, rawBody)}`;
}

export type VerifyResult = { isValid: true } | { isValid: false; reason: string };

/**
 * What a receiver does (used by our tests and shown in the README): parse the header, recompute the HMAC
 * over the raw body exactly as received, compare in constant time, and refuse stale timestamps.
 */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  header: string | null | undefined,
  { now = Date.now(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {},
): VerifyResult {
  if (!header) return { isValid: false, reason: "missing signature header" };
  const parts = new Map(
    header.split(",").map((part) => {
      const [key, ...rest] = part.trim().split("=");
      return [key, rest.join("=")] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) {
    return { isValid: false, reason: "malformed signature header" };
  }
  if (Math.abs(Math.floor(now / 1000) - timestamp) > toleranceSeconds) {
    return { isValid: false, reason: "timestamp outside the tolerance" };
  }
  const expected = Buffer.from(digest(secret, timestamp, rawBody), "hex");
  if (!timingSafeEqual(expected, Buffer.from(given, "hex")))
    return { isValid: false, reason: "signature mismatch" };
  return { isValid: true };
}
