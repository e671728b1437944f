// The bulk pacing budget, fed by real SDK answers from the simulator with its rate limit enforced.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { InteractiveDemand } from "@/lib/telnyx/interactive-demand";
import { getChannelPool } from "@/lib/telnyx/managed-accounts";
import { bulkMaxRps, DEFAULT_BULK_MAX_RPS, RateBudget, rateBudget } from "@/lib/telnyx/rate-budget";
import { startTestSim, type TestSim } from "./sim-harness";

const OPERATION = "ListAllocatableGlobalOutboundChannels";
let sim: TestSim;

const refused = async () =>
  (await sim.control<{ data: { refused: number } }>("GET", "/rate-limit")).data.refused;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const startedAt = Date.now();
  await work();
  return Date.now() - startedAt;
}

beforeAll(async () => {
  sim = await startTestSim({ accounts: 3, users: 1 });
});
afterAll(() => sim.close());
beforeEach(() => {
  rateBudget.reset();
  sim.configure({ maxRetries: 0 });
});
afterEach(async () => {
  await sim.control("POST", "/reset", {});
});

describe("rateBudget with the simulator's enforced limit", () => {
  it("N acquires at maxRps take at least (N-1)/maxRps s, and Telnyx refuses none", async () => {
    await sim.control("POST", "/rate-limit", { rps: 5 });
    const n = 10;
    const maxRps = 5;
    const elapsed = await timed(async () => {
      for (let i = 0; i < n; i += 1) {
        await rateBudget.acquire({ maxRps });
        await getChannelPool();
      }
    });
    // Evenly spaced grants: the first goes at once, each next one 1/maxRps s after the one before.
    expect(elapsed).toBeGreaterThanOrEqual(((n - 1) / maxRps) * 1000 - 5);
    expect(elapsed).toBeLessThan(((n - 1) / maxRps) * 1000 + 1_500);
    expect(await refused()).toBe(0);
    expect(rateBudget.snapshot().limit).toBe(5);
  });

  it("a window spent by others (remaining 0, reset 1) holds bulk work until the window opens", async () => {
    await sim.control("POST", "/rate-limit", { rps: 3 });
    const startedAt = Date.now();
    // Interactive calls spend the window; they never wait on the budget.
    for (let i = 0; i < 3; i += 1) await getChannelPool();
    expect(rateBudget.snapshot()).toMatchObject({ limit: 3, remaining: 0 });
    await rateBudget.acquire({ maxRps: 100 });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    // It waited long enough: the next request is inside a fresh window.
    await getChannelPool();
    expect(await refused()).toBe(0);
  });

  it("after a 429 with Retry-After 2, acquire waits at least 2 s; interactive calls are not held", async () => {
    // The injected 429 also says remaining 0 of a 60 s window: its Retry-After is what counts.
    await sim.control("POST", "/faults", { operation: OPERATION, kind: "rate_limit", retryAfter: 2 });
    await expect(getChannelPool()).rejects.toMatchObject({ code: "rate_limited" });
    const answeredAt = Date.now();
    expect(rateBudget.snapshot().waitMs).toBeGreaterThan(1_900);
    const bulk = rateBudget.acquire({ maxRps: 100 }).then(() => Date.now() - answeredAt);
    // The person's own request goes straight out (and succeeds: the fault was for one request).
    expect(await timed(() => getChannelPool())).toBeLessThan(1_000);
    const waited = await bulk;
    expect(waited).toBeGreaterThanOrEqual(1_990);
    expect(waited).toBeLessThan(3_000);
  });

  it("leaves people the share they used lately, so a job at Telnyx's full rate gets them no 429", async () => {
    await sim.control("POST", "/rate-limit", { rps: 10 });
    let stop = false;
    let interactiveRefused = 0;
    let interactiveCalls = 0;
    // Someone opens a page every 700 ms: three Telnyx requests at once.
    const person = (async () => {
      while (!stop) {
        const calls = await Promise.allSettled([getChannelPool(), getChannelPool(), getChannelPool()]);
        interactiveCalls += calls.length;
        interactiveRefused += calls.filter((call) => call.status === "rejected").length;
        await new Promise((resolve) => setTimeout(resolve, 700));
      }
    })();
    // Give the budget one page to learn from, then run a job as fast as Telnyx allows.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refusedBefore = interactiveRefused;
    let bulkDone = 0;
    const startedAt = Date.now();
    while (Date.now() - startedAt < 3_000) {
      await rateBudget.acquire({ maxRps: 10 });
      await getChannelPool();
      bulkDone += 1;
    }
    stop = true;
    await person;
    expect(interactiveCalls).toBeGreaterThanOrEqual(12);
    expect(interactiveRefused - refusedBefore).toBe(0);
    expect(rateBudget.snapshot().reserve).toBeGreaterThanOrEqual(3);
    // The job still moved at most of the rest of the window.
    expect(bulkDone).toBeGreaterThanOrEqual(12);
  });
});

describe("rateBudget on its own", () => {
  it("keeps its rate while the event loop is busy: a late timer costs once a window, not once a grant", async () => {
    const budget = new RateBudget();
    const maxRps = 20;
    const n = 40;
    // Our own work hogging the loop 15 ms of every 20 (database writes of a job's items do this).
    const hog = setInterval(() => {
      const until = Date.now() + 15;
      while (Date.now() < until);
    }, 20);
    try {
      const elapsed = await timed(() =>
        Promise.all(
          Array.from({ length: 4 }, async (_, worker) => {
            for (let index = worker; index < n; index += 4) await budget.acquire({ maxRps });
          }),
        ),
      );
      // Never above the ceiling: a quarter second's worth may go at once, the rest waits its windows...
      expect(elapsed).toBeGreaterThanOrEqual(((n - maxRps / 4) / maxRps) * 1000 - 20);
      // ...and the late timers did not add up (one grant a window took about 2.4 s here).
      expect(elapsed).toBeLessThanOrEqual((n / maxRps) * 1000 + 100);
    } finally {
      clearInterval(hog);
    }
  });

  it("reads reset as seconds or as an epoch time, and a bare 429 still backs off", () => {
    const budget = new RateBudget();
    const now = 1_000_000;
    budget.observe(
      200,
      new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "3" }),
      now,
    );
    expect(budget.snapshot(now)).toMatchObject({ remaining: 0, resetAt: now + 3_000, waitMs: 3_000 });
    // Later answers in the same window only narrow the bound (the header has whole seconds, rounded up).
    budget.observe(
      200,
      new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "3" }),
      now + 500,
    );
    expect(budget.snapshot(now + 500).resetAt).toBe(now + 3_000);

    const epoch = new RateBudget();
    const at = Date.now();
    epoch.observe(
      200,
      new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(at / 1000) + 2) }),
      at,
    );
    expect(epoch.snapshot(at).waitMs).toBeGreaterThan(1_000);
    expect(epoch.snapshot(at).waitMs).toBeLessThanOrEqual(3_000);

    const bare = new RateBudget();
    bare.observe(429, new Headers(), now);
    expect(bare.snapshot(now).waitMs).toBe(1_000);
  });

  it("answers that overtake each other, or come after their window ended, do not mislead the budget", () => {
    const budget = new RateBudget();
    const t = 2_000_000;
    const figures = (remaining: number) =>
      new Headers({
        "x-ratelimit-limit": "20",
        "x-ratelimit-remaining": String(remaining),
        "x-ratelimit-reset": "1",
      });
    budget.observe(200, figures(5), t + 10, t);
    // The answer to a request sent earlier arrives later saying 8 were left: 5 is the newer news.
    budget.observe(200, figures(8), t + 20, t + 5);
    expect(budget.snapshot(t + 20)).toMatchObject({ remaining: 5, resetAt: t + 1_010 });
    // The window has ended; a late answer to a request sent in it (none left then) says nothing of this one.
    budget.observe(200, figures(0), t + 1_030, t + 900);
    expect(budget.snapshot(t + 1_030).waitMs).toBe(0);
    // A request sent in the new window teaches it.
    budget.observe(200, figures(2), t + 1_060, t + 1_040);
    expect(budget.snapshot(t + 1_060)).toMatchObject({ remaining: 2, resetAt: t + 2_060 });
    // Without send times, a count that went back up within the window still means a new window.
    budget.observe(200, figures(19), t + 1_100);
    expect(budget.snapshot(t + 1_100)).toMatchObject({ remaining: 19, resetAt: t + 2_100 });
  });

  it("keeps a reserve for interactive use when asked", async () => {
    const budget = new RateBudget();
    budget.observe(
      200,
      new Headers({ "x-ratelimit-limit": "10", "x-ratelimit-remaining": "2", "x-ratelimit-reset": "1" }),
    );
    const controller = new AbortController();
    const pending = budget.acquire({ maxRps: 100, reserve: 2, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("job cancelled")), 100);
    await expect(pending).rejects.toThrow("job cancelled");
    // That one answer was someone's (no bulk grant was waiting for it): by default one is left to people.
    expect(budget.snapshot().reserve).toBe(1);
    // With no reserve the two left are ours to use, then the window is spent.
    await budget.acquire({ maxRps: 100, reserve: 0 });
    await budget.acquire({ maxRps: 100, reserve: 0 });
    expect(budget.snapshot().remaining).toBe(0);
  });

  it("tells people's answers from bulk ones by pairing each answer with an outstanding grant", () => {
    const demand = new InteractiveDemand();
    const t = 5_000_000;
    demand.granted(t);
    demand.answered(t + 10);
    expect(demand.peakPerSecond(t + 20)).toBe(0);
    demand.answered(t + 30);
    demand.answered(t + 40);
    expect(demand.peakPerSecond(t + 50)).toBe(2);
    // A grant whose request never answered stops standing in for one after 10 s.
    demand.granted(t + 100);
    demand.answered(t + 10_200);
    expect(demand.peakPerSecond(t + 10_300)).toBe(1);
    // Five seconds on, people's past use no longer holds bulk work back.
    expect(demand.peakPerSecond(t + 15_300)).toBe(0);
  });

  it("SUBDESK_BULK_MAX_RPS sets the default pace; nonsense and a bad maxRps are refused", async () => {
    const saved = process.env.SUBDESK_BULK_MAX_RPS;
    try {
      delete process.env.SUBDESK_BULK_MAX_RPS;
      expect(bulkMaxRps()).toBe(DEFAULT_BULK_MAX_RPS);
      process.env.SUBDESK_BULK_MAX_RPS = "2.5";
      expect(bulkMaxRps()).toBe(2.5);
      process.env.SUBDESK_BULK_MAX_RPS = "0";
      expect(() => bulkMaxRps()).toThrow(/SUBDESK_BULK_MAX_RPS/);
      process.env.SUBDESK_BULK_MAX_RPS = "fast";
      expect(() => bulkMaxRps()).toThrow(/SUBDESK_BULK_MAX_RPS/);
    } finally {
      if (saved === undefined) delete process.env.SUBDESK_BULK_MAX_RPS;
      else process.env.SUBDESK_BULK_MAX_RPS = saved;
    }
    await expect(new RateBudget().acquire({ maxRps: 0 })).rejects.toThrow(RangeError);
  });
});
