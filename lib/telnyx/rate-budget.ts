import "server-only";
import { RateLimiterMemory, RateLimiterQueue } from "rate-limiter-flexible";
import { InteractiveDemand } from "./interactive-demand";
import { sleep } from "./retry";
import { retryAfterMs, windowResetMs } from "./retry-after";

/**
 * Rate-aware pacing for bulk work against Telnyx. One budget per process.
 *
 * API (for the job engine):
 * - `await rateBudget.acquire({ maxRps?, signal?, reserve? })` before each bulk request to Telnyx. It waits
 *   (a) while Telnyx told us to back off: a 429's `Retry-After` (or, without one, its `x-ratelimit-reset`);
 *   (b) while Telnyx's window has no budget left: `x-ratelimit-remaining` (less what we granted since) at or
 *       below `reserve`, until `x-ratelimit-reset` opens the window again. `reserve` defaults to what people
 *       used lately (the most non-bulk answers in one second of the last five, at most half the limit), so
 *       a job that could take Telnyx's whole window leaves people theirs instead of getting them a 429
 *       (bench:bulk, 300 accounts at 20 rps, list read once a second: without it 10 of the list's requests
 *       were refused and its p95 was 1,053 ms; with it none, 38 ms, and the job 19.9 s instead of 22.9 s);
 *   (c) so that grants come at `maxRps` a second, in small groups per quarter second (FIFO; those that waited out
 *       a window together go as it opens). Callers passing the same `maxRps`
 *       share one pace: two jobs running at once stay under it together, leaving the rest to people. Each
 *       console instance has its own pace; Telnyx's figures, shared by all, are what holds them together.
 *   `maxRps` defaults to `bulkMaxRps()`. With `signal`, an abort rejects with the signal's reason.
 * - `bulkMaxRps()`: SUBDESK_BULK_MAX_RPS (default 10), the ceiling of one job's rate, so that people using
 *   the console keep part of Telnyx's budget.
 * - `rateBudget.snapshot()`: what we know now (limit, remaining, when the window and a back-off end, and the
 *   wait an acquire would start with), for progress pages and logs.
 * - `rateBudget.observe(status, headers)`: fed by every SDK answer (lib/telnyx/sdk.ts passes
 *   `observingFetch` as the SDK's `fetch`), interactive ones included, so the budget counts everything the
 *   process spends. Interactive requests never call acquire and never wait on it.
 *
 * The pace is rate-limiter-flexible's RateLimiterQueue (already our sign-in throttle's library, maintained,
 * Node 20 and up, a FIFO of waiters over a token window) over a window of `paceWindowS` holding that many
 * seconds' worth of grants.
 * Telnyx's own figures are a wait-until time, not a bucket, so they are tracked here.
 *
 * With several requests in flight, Telnyx's `remaining` can lag our grants by that many; the overshoot
 * shows up as a 429, whose Retry-After then holds every bulk caller back.
 */

export interface AcquireOptions {
  /** Most grants a second through this call's pace; default bulkMaxRps(). */
  maxRps?: number;
  /** Aborting it rejects a pending acquire with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Requests of Telnyx's window left to interactive use: wait once `remaining` is at or below this. Default:
   * people's recent peak a second, at most half the limit.
   */
  reserve?: number;
}

export interface BudgetSnapshot {
  limit?: number;
  remaining?: number;
  /** Epoch ms when Telnyx's current window opens again (an upper bound: the header has whole seconds). */
  resetAt?: number;
  /** Epoch ms until which a 429 told us to back off. */
  backOffUntil?: number;
  /** The reserve an acquire without one leaves to people now. */
  reserve: number;
  /** How long an acquire with that reserve would wait for Telnyx's budget now, in ms. */
  waitMs: number;
}

type HeaderSource = { get(name: string): string | null };

export const DEFAULT_BULK_MAX_RPS = 10;
/**
 * The pace's window. The queue opens a window when a grant is taken after the last one closed, so a timer
 * that fires late (an event loop busy with our own database writes) pushes every later grant back by that
 * much. With one grant a window (1/maxRps s) that loss came at every grant: at 19 a second with the loop
 * busy 15 ms of every 20, 16.3 grants a second; with a quarter second's worth a window, 18.8 (bench:bulk's
 * 1,000 disables lost 10–25% of Telnyx's rate to it). The cost: up to that many grants at once, which the
 * job's concurrency (lib/jobs/driver.ts) spreads out anyway.
 */
const paceWindowS = 0.25;
/** A 429 that says neither Retry-After nor when the window opens still holds bulk work back this long. */
const bareRateLimitBackOffMs = 1_000;

/** SUBDESK_BULK_MAX_RPS: requests a second one bulk job may send at most (default 10). */
export function bulkMaxRps(): number {
  const raw = process.env.SUBDESK_BULK_MAX_RPS?.trim();
  if (!raw) return DEFAULT_BULK_MAX_RPS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`SUBDESK_BULK_MAX_RPS must be a number above 0, got "${raw}".`);
  }
  return value;
}

function headerInteger(headers: HeaderSource, name: string): number | undefined {
  const raw = headers.get(name)?.trim();
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

export class RateBudget {
  private limit?: number;
  private remaining?: number;
  private resetAt?: number;
  private backOffUntil = 0;
  private readonly pacers = new Map<number, RateLimiterQueue>();
  private readonly demand = new InteractiveDemand();

  /** Takes in one answer from Telnyx (any status); `sentAt` is when its request went out, where known. */
  observe(status: number, headers: HeaderSource, now = Date.now(), sentAt?: number): void {
    this.demand.answered(now);
    const resetMs = windowResetMs(headers);
    if (status === 429) {
      const asked = retryAfterMs(headers);
      this.backOffUntil = Math.max(this.backOffUntil, now + (asked ?? resetMs ?? bareRateLimitBackOffMs));
      // An explicit Retry-After is the instruction; the window figures on that refusal may describe a longer
      // window than the one that refused (the simulator's injected 429s do), so they must not add to it.
      if (asked !== undefined) return;
    }
    const remaining = headerInteger(headers, "x-ratelimit-remaining");
    if (remaining === undefined || resetMs === undefined) return;
    const resetAt = now + resetMs;
    const isWindowOpen = this.resetAt !== undefined && now < this.resetAt;
    const wasSentInWindow = sentAt !== undefined && this.resetAt !== undefined && sentAt < this.resetAt;
    // A late answer to a request sent before the last window ended describes that window: taken for the
    // next one, its low count would hold bulk work back a whole window for nothing.
    if (wasSentInWindow && !isWindowOpen) return;
    // Same window while it has not ended. An answer to a request sent in it counts as such even when its
    // count is higher than ours (answers overtake each other, and ours already has the grants since): only
    // a lower count is news. Without a send time, a count that went back up means a new window.
    const isSameWindow =
      isWindowOpen && (wasSentInWindow || (this.remaining !== undefined && remaining <= this.remaining));
    // The reset is whole seconds rounded up, so the earliest bound seen in the window is the closest.
    this.resetAt = isSameWindow && this.resetAt !== undefined ? Math.min(this.resetAt, resetAt) : resetAt;
    this.remaining =
      isSameWindow && this.remaining !== undefined ? Math.min(this.remaining, remaining) : remaining;
    this.limit = headerInteger(headers, "x-ratelimit-limit") ?? this.limit;
  }

  /** Waits until one more bulk request may go to Telnyx, and counts it against the budget. */
  async acquire(options: AcquireOptions = {}): Promise<void> {
    const maxRps = options.maxRps ?? bulkMaxRps();
    if (!Number.isFinite(maxRps) || maxRps <= 0) throw new RangeError("maxRps must be a number above 0.");
    const reserve = () => options.reserve ?? this.defaultReserve();
    const signal = options.signal ?? new AbortController().signal;
    const pacer = this.pacerFor(maxRps);
    // Our turn in the pace first, then Telnyx's window: nothing is awaited between the window saying yes and
    // the grant, so a turn is never thrown away. (The other way round, a turn taken just as the window ran out
    // was lost and waited for again: about one grant in nine at Telnyx's full rate, bench:bulk.) Callers who
    // waited out a window together go as it opens, within what it allows.
    await untilAborted(pacer.removeTokens(1), signal);
    await this.waitForTelnyx(reserve, signal);
    this.spend();
    this.demand.granted();
  }

  snapshot(now = Date.now()): BudgetSnapshot {
    return {
      limit: this.limit,
      remaining: this.remaining,
      resetAt: this.resetAt,
      backOffUntil: this.backOffUntil > now ? this.backOffUntil : undefined,
      reserve: this.defaultReserve(now),
      waitMs: this.waitMs(this.defaultReserve(now), now),
    };
  }

  /** Forgets Telnyx's figures (tests; a re-pointed upstream). Paces in use keep their spacing. */
  reset(): void {
    this.limit = undefined;
    this.remaining = undefined;
    this.resetAt = undefined;
    this.backOffUntil = 0;
    this.demand.reset();
  }

  /** People's recent peak a second; at most half the limit, so bulk work always moves. */
  private defaultReserve(now = Date.now()): number {
    return Math.min(this.demand.peakPerSecond(now), Math.floor((this.limit ?? 0) / 2));
  }

  private waitMs(reserve: number, now = Date.now()): number {
    const backOff = this.backOffUntil - now;
    const isSpent = this.remaining !== undefined && this.resetAt !== undefined && this.remaining <= reserve;
    const window = isSpent && this.resetAt !== undefined ? this.resetAt - now : 0;
    return Math.max(0, backOff, window);
  }

  private async waitForTelnyx(reserve: () => number, signal: AbortSignal): Promise<void> {
    for (let wait = this.waitMs(reserve()); wait > 0; wait = this.waitMs(reserve())) {
      await sleep(wait, signal);
    }
    if (signal.aborted) throw signal.reason;
  }

  private spend(now = Date.now()): void {
    if (this.remaining === undefined || this.resetAt === undefined) return;
    // Past the window's end the old count says nothing; the next answer brings the new one.
    if (now >= this.resetAt) this.remaining = undefined;
    else this.remaining = Math.max(0, this.remaining - 1);
  }

  private pacerFor(maxRps: number): RateLimiterQueue {
    let pacer = this.pacers.get(maxRps);
    if (!pacer) {
      // A quarter second's worth of grants per window (at least one): late timers cost once a window, not
      // once a grant. Not more: a job that sends half a second's worth at once leaves a person opening pages
      // in quick succession a 429 (rate-budget.test.ts, the bursty person).
      const points = Math.max(1, Math.round(maxRps * paceWindowS));
      pacer = new RateLimiterQueue(new RateLimiterMemory({ points, duration: points / maxRps }));
      this.pacers.set(maxRps, pacer);
    }
    return pacer;
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  // A token granted after the abort is simply unused: one slot of pace lost, nothing sent.
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

// Next bundles instrumentation and route handlers separately: globalThis keeps one budget per process.
const budgetKey = Symbol.for("subdesk.telnyx.rate-budget");
const holder = globalThis as typeof globalThis & { [budgetKey]?: RateBudget };

/** The process's budget. */
export const rateBudget: RateBudget = (holder[budgetKey] ??= new RateBudget());

type PatchedFetch = typeof fetch & { _nextOriginalFetch?: typeof fetch };

/**
 * The platform's own fetch. In a route handler Next replaces the global one with a fetch that looks up its
 * data cache and opens tracing spans around each call; Telnyx's answers are never cached (every route is
 * dynamic) and the console times each call itself (lib/metrics), so that layer is only cost: about
 * 0.03 ms a call (--cpu-prof at c=50). Next keeps the one it replaced on the replacement.
 */
const platformFetch = (): typeof fetch => (fetch as PatchedFetch)._nextOriginalFetch ?? fetch;

/** The SDK's `fetch`: the platform's, with every answer's rate figures handed to the budget. */
export async function observingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const sentAt = Date.now();
  const response = await platformFetch()(input, init);
  rateBudget.observe(response.status, response.headers, Date.now(), sentAt);
  return response;
}
