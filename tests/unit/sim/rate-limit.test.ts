import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import { call, control, firstError, rawCall, startTestSimulator } from "./helpers";
import { expectErrorEnvelope } from "./spec-validator";

const LIST = "ListManagedAccounts";

const list = (sim: Simulator, apiKey?: string | null) =>
  call(sim, LIST, "GET", "/managed_accounts", { allowUndocumented: [429], apiKey });

const figures = (headers: Headers) =>
  ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"].map((name) => headers.get(name));

async function setting(sim: Simulator) {
  const response = await control(sim, "GET", "/rate-limit");
  return ((await response.json()) as { data: { rps: number | null; refused: number } }).data;
}

async function counts(sim: Simulator): Promise<Record<string, number>> {
  return (await (await control(sim, "GET", "/requests")).json()) as Record<string, number>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("enforced at start (rateLimitRps)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ accounts: 5, users: 1, rateLimitRps: 4 });
  });
  afterAll(() => sim.close());
  // A reset starts every window afresh: no test waits for the previous one's window to pass.
  afterEach(async () => {
    await control(sim, "POST", "/reset", {});
  });

  it("answers the window's true figures, then 429 code 10011 with Retry-After once it is spent", async () => {
    const seen: (string | null)[][] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await list(sim);
      expect(answer.status).toBe(200);
      seen.push(figures(answer.headers));
    }
    expect(seen).toEqual([
      ["4", "3", "1"],
      ["4", "2", "1"],
      ["4", "1", "1"],
      ["4", "0", "1"],
    ]);
    const refused = await list(sim);
    expect([refused.status, firstError(refused)?.code]).toEqual([429, "10011"]);
    expectErrorEnvelope(refused.body);
    expect(figures(refused.headers)).toEqual(["4", "0", "1"]);
    expect(refused.headers.get("retry-after")).toBe("1");
    // A refused request never reached the operation: the counters only show the four that did.
    expect((await counts(sim))[LIST]).toBe(4);
    expect((await setting(sim)).refused).toBe(1);

    await pause(Number(refused.headers.get("retry-after")) * 1000);
    const after = await list(sim);
    expect(after.status).toBe(200);
    expect(figures(after.headers)).toEqual(["4", "3", "1"]);
  });

  it("lets exactly the limit through a burst, and keeps one window per API key", async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => list(sim)));
    const statuses = burst.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(8);
    // Another key has its own window: it is judged on its credentials (401), not refused for ours.
    const other = await rawCall(sim, "GET", "/managed_accounts", { apiKey: "KEY0SOMEONE_ELSE" });
    expect(other.status).toBe(401);
    expect(figures(other.headers)).toEqual(["4", "3", "1"]);
    expect((await list(sim)).status).toBe(429);
  });

  it("spends the window on unknown paths too, and /reset returns to the start setting", async () => {
    await control(sim, "POST", "/rate-limit", { rps: null });
    expect((await setting(sim)).rps).toBeNull();
    await control(sim, "POST", "/reset", {});
    expect(await setting(sim)).toEqual({ rps: 4, refused: 0 });
    for (let i = 0; i < 4; i += 1) expect((await rawCall(sim, "GET", "/nowhere")).status).toBe(404);
    expect((await list(sim)).status).toBe(429);
  });
});

describe("switched at run time (POST /__sim/rate-limit)", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ accounts: 5, users: 1 });
  });
  afterAll(() => sim.close());

  it("is off by default: advisory figures that never refuse", async () => {
    expect(await setting(sim)).toEqual({ rps: null, refused: 0 });
    const answers = await Promise.all(Array.from({ length: 30 }, () => list(sim)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const remaining = answers.map((answer) => Number(answer.headers.get("x-ratelimit-remaining")));
    expect(Math.min(...remaining)).toBe(2000 - 30);
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("2000");
    expect(Number(answers[0]?.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(60);
  });

  it("switches on with { rps } and off with { rps: null }", async () => {
    const on = await control(sim, "POST", "/rate-limit", { rps: 2 });
    expect([on.status, await on.json()]).toEqual([200, { data: { rps: 2, refused: 0 } }]);
    expect((await list(sim)).status).toBe(200);
    expect((await list(sim)).status).toBe(200);
    expect((await list(sim)).status).toBe(429);
    expect(await setting(sim)).toEqual({ rps: 2, refused: 1 });

    const off = await control(sim, "POST", "/rate-limit", { rps: null });
    expect(await off.json()).toEqual({ data: { rps: null, refused: 0 } });
    const answer = await list(sim);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-ratelimit-limit")).toBe("2000");
  });

  it("refuses a bad setting with 400 naming /rps and keeps the current one", async () => {
    await control(sim, "POST", "/rate-limit", { rps: 3 });
    for (const body of [{}, { rps: 0 }, { rps: -1 }, { rps: 1.5 }, { rps: "5" }, { rps: 100_001 }]) {
      const response = await control(sim, "POST", "/rate-limit", body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { errors: { source?: { pointer?: string } }[] }).errors[0];
      expect(error?.source?.pointer).toBe("/rps");
    }
    expect((await setting(sim)).rps).toBe(3);
    expect((await control(sim, "DELETE", "/rate-limit")).status).toBe(404);
    await control(sim, "POST", "/rate-limit", { rps: null });
  });
});
