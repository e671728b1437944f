import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";

import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { badRequest, tooManyRequests, type SimHttpError } from "./errors";

/**
 * Telnyx-style rate limiting, per API key (the presented Bearer value; no key shares one "anonymous" window).
 *
 * - Off (the default): advisory figures of 2,000 requests a minute that never refuse anything, so tests and
 *   demos never stall (a 429 then only comes from an injected rate_limit fault).
 * - Enforced (`rps`): a fixed one-second window of `rps` requests per key; a request over it is refused with
 *   429, Telnyx's code 10011 and `Retry-After` (whole seconds until the window opens).
 *
 * Either way every answer carries `x-ratelimit-limit`, `-remaining` and `-reset` (whole seconds until the
 * window opens, at least 1) describing exactly the window that decides. The counting is
 * rate-limiter-flexible's in-memory fixed window: its records expire on their own, so random keys cannot
 * grow memory for long.
 */
const ADVISORY_LIMIT = 2000;
const ADVISORY_WINDOW_S = 60;
export const MAX_RATE_LIMIT_RPS = 100_000;

export interface RateDecision {
  headers: Record<string, string>;
  /** Set when the enforced limit refuses the request: the 429 to send (with `headers`, which carry Retry-After). */
  refusal?: SimHttpError;
}

export class SimRateLimit {
  private limiter!: RateLimiterMemory;
  private enforcedRps: number | null = null;
  /** Requests refused by the enforced limit since the last switch or reset (benchmarks report it). */
  refused = 0;

  /** `startRps` is what the simulator was started with; reset() returns to it. */
  constructor(private readonly startRps: number | null = null) {
    this.configure(startRps);
  }

  get rps(): number | null {
    return this.enforcedRps;
  }

  /** Switches enforcement on (`rps` requests a second per key) or off (null); every window starts afresh. */
  configure(rps: number | null): void {
    if (rps !== null && (!Number.isSafeInteger(rps) || rps < 1 || rps > MAX_RATE_LIMIT_RPS)) {
      throw new RangeError(`rateLimitRps must be a whole number from 1 to ${MAX_RATE_LIMIT_RPS}, or off.`);
    }
    this.enforcedRps = rps;
    this.refused = 0;
    this.limiter = new RateLimiterMemory(
      rps === null ? { points: ADVISORY_LIMIT, duration: ADVISORY_WINDOW_S } : { points: rps, duration: 1 },
    );
  }

  reset(): void {
    this.configure(this.startRps);
  }

  /** Counts one API request against its key's window and says whether it may go on. */
  async consume(req: IncomingMessage): Promise<RateDecision> {
    let res: RateLimiterRes;
    let over = false;
    try {
      res = await this.limiter.consume(keyOf(req));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      res = rejection;
      over = true;
    }
    const headers = this.headersOf(res);
    if (!over || this.enforcedRps === null) return { headers };
    this.refused += 1;
    // The window is what refuses, so the wait it names is exactly the time until the window opens.
    return {
      headers: { ...headers, "retry-after": headers["x-ratelimit-reset"] ?? "1" },
      refusal: tooManyRequests(),
    };
  }

  /** The current figures for a request without counting it (answers that never reached routing). */
  async peek(req: IncomingMessage): Promise<Record<string, string>> {
    const res = await this.limiter.get(keyOf(req));
    return res ? this.headersOf(res) : this.fresh();
  }

  /** The figures for an injected 429: the budget shows as spent. */
  exhausted(headers: Record<string, string>): Record<string, string> {
    return { ...headers, "x-ratelimit-remaining": "0" };
  }

  private headersOf(res: RateLimiterRes): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limiter.points),
      "x-ratelimit-remaining": String(Math.max(0, res.remainingPoints)),
      "x-ratelimit-reset": String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
    };
  }

  private fresh(): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limiter.points),
      "x-ratelimit-remaining": String(this.limiter.points),
      "x-ratelimit-reset": String(Math.ceil(this.limiter.duration)),
    };
  }
}

/** A digest, so the windows are keyed by a fixed-size value and never hold a key in the clear. */
function keyOf(req: IncomingMessage): string {
  const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  const key = match?.[1]?.trim();
  return key ? createHash("sha256").update(key).digest("hex") : "anonymous";
}

/** `POST /__sim/rate-limit { rps: n | null }` and `GET /__sim/rate-limit`: both answer the current setting. */
export function rateLimitControl(
  method: string,
  body: Record<string, unknown> | undefined,
  limit: SimRateLimit,
): { rps: number | null; refused: number } | undefined {
  if (method === "POST") {
    const rps = body?.rps;
    const isValid =
      rps === null ||
      (typeof rps === "number" && Number.isSafeInteger(rps) && rps >= 1 && rps <= MAX_RATE_LIMIT_RPS);
    if (!isValid) {
      throw badRequest(`rps must be a whole number from 1 to ${MAX_RATE_LIMIT_RPS}, or null to switch off.`, {
        pointer: "/rps",
      });
    }
    limit.configure(rps);
  } else if (method !== "GET") {
    return undefined;
  }
  return { rps: limit.rps, refused: limit.refused };
}
