import "server-only";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "telnyx";
import { isBrokenBody } from "./errors";
import { retryAfterMs } from "./retry-after";

/** A longer Retry-After is passed on to the person as `rate_limited` rather than waited out by the server. */
export const retryAfterCapMs = 5_000;
const firstBackoffMs = 200;
const maxBackoffMs = 2_000;

function backoffMs(attempt: number): number {
  const base = Math.min(maxBackoffMs, firstBackoffMs * 2 ** attempt);
  // Jitter so several console instances hit by the same outage do not retry in lockstep.
  return base * (0.75 + Math.random() * 0.25);
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined when the failure is not worth repeating.
 * Only called for operations that are safe to repeat. Our own deadline is checked by the caller.
 */
export function retryDelayMs(error: unknown, attempt: number): number | undefined {
  // A per-attempt timeout spends the whole remaining budget: nothing would be left for another try.
  if (error instanceof APIConnectionTimeoutError) return undefined;
  if (error instanceof APIConnectionError) return backoffMs(attempt);
  if (error instanceof APIError && error.status !== undefined) {
    const asked = retryAfterMs(error.headers);
    if (error.status === 429) {
      if (asked !== undefined && asked > retryAfterCapMs) return undefined;
      return asked ?? backoffMs(attempt);
    }
    if (error.status === 408 || error.status >= 500) {
      return asked !== undefined && asked <= retryAfterCapMs ? asked : backoffMs(attempt);
    }
    return undefined;
  }
  return isBrokenBody(error) ? backoffMs(attempt) : undefined;
}

/** setTimeout that gives up as soon as the operation's deadline passes. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
