/**
 * Telnyx-style rate-limit figures on every answer. Advisory only: the window counts requests but never
 * refuses one by itself (a 429 comes from an injected rate_limit fault), so tests and demos never stall.
 */
export class RateWindow {
  private windowStart = 0;
  private used = 0;

  constructor(
    readonly limit = 2000,
    readonly windowMs = 60_000,
  ) {}

  /** Counts one request and answers the three headers. */
  consume(now = Date.now()): Record<string, string> {
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    return this.headers(now);
  }

  headers(now = Date.now(), exhausted = false): Record<string, string> {
    const resetSeconds = Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(exhausted ? 0 : Math.max(0, this.limit - this.used)),
      "x-ratelimit-reset": String(resetSeconds),
    };
  }
}
