// The list read side by side: straight from the simulator through the Telnyx SDK (the floor), through a
// bare Next.js proxy doing the same (plain.mjs: an App Router route handler, what any Next.js proxy of the
// console's kind pays, and a Pages Router API route) and through the console's /api/managed-accounts (the
// SDK call plus our session check, validation and status labels). One request at a time for latency; 50
// connections through autocannon for throughput.
import autocannon from "autocannon";
import { directListParams, LIST_PAGE_SIZE } from "./direct.mjs";

export const CONSOLE_LIST_ROUTE = `/api/managed-accounts?pageSize=${LIST_PAGE_SIZE}`;

export function percentile(values, fraction) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function timeSequential(samples, warmup, once) {
  for (let index = 0; index < warmup; index += 1) await once();
  const times = [];
  for (let index = 0; index < samples; index += 1) {
    const startedAt = performance.now();
    await once();
    times.push(performance.now() - startedAt);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), samples };
}

/**
 * The Accept-Encoding of the c=1 reads. `identity` for the overhead figures: the SDK's side is not
 * compressed (the simulator does not compress) nor is autocannon's c=50 load, so compressing only the
 * servers' answers would put gzip's cost into what is measured as the proxy's. `browser` is Chromium's
 * header (Next answers it with gzip): what compressing the page costs, measured on its own.
 */
export const ENCODINGS = {
  identity: { "Accept-Encoding": "identity" },
  browser: { "Accept-Encoding": "gzip, deflate, br, zstd" },
};

/** One GET of `url` to the end of its body (decompressed when compressed); throws unless 200. */
export function httpRead(url, headers = {}) {
  return async () => {
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  };
}

/** The SDK's list straight to the simulator. */
export const sdkRead = (sdk) => () => sdk.managedAccounts.list(directListParams);

/**
 * c=1 latency of each side (`sides`: name -> { read, cpuMs }), alternated in blocks so a burst of load from
 * elsewhere on the machine lands on all of them, and the CPU each side's server spent per request
 * (`cpuMs()`: its process group's CPU time so far).
 */
export async function measureLatency({ sides, samples, blocks = 5 }) {
  const names = Object.keys(sides);
  const runs = Object.fromEntries(names.map((name) => [name, []]));
  const cpu = Object.fromEntries(names.map((name) => [name, 0]));
  const perBlock = Math.ceil(samples / blocks);
  for (let block = 0; block < blocks; block += 1) {
    for (const name of names) {
      const before = sides[name].cpuMs();
      runs[name].push(await timeSequential(perBlock, 10, sides[name].read));
      cpu[name] += sides[name].cpuMs() - before;
    }
  }
  const median = (name, key) =>
    percentile(
      runs[name].map((run) => run[key]),
      0.5,
    );
  // The warm-up requests ran on the servers too: their CPU is shared over every request sent.
  const sent = (perBlock + 10) * blocks;
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        p50: median(name, "p50"),
        p95: median(name, "p95"),
        samples: perBlock * blocks,
        cpuMsPerRequest: cpu[name] / sent,
      },
    ]),
  );
}

/** `connections` connections for `seconds` s; errors are connection errors, timeouts and non-2xx answers. */
export async function measureThroughput({ url, headers, connections = 50, seconds }) {
  const result = await autocannon({ url, headers, connections, duration: seconds, timeout: 10 });
  return {
    rps: result.requests.average,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/**
 * The c=50 runs of several servers taken in turns, `rounds` rounds of `seconds / rounds` s each, so that a
 * change in the machine's load lands on all of them. Per target: req/s over all its rounds, errors summed,
 * the median round's p50 and the worst round's p99. `targets`: name -> { url, headers }.
 */
export async function measureThroughputInTurns({ targets, seconds, rounds = 3 }) {
  const roundSeconds = Math.max(1, Math.round(seconds / rounds));
  const runs = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, target] of Object.entries(targets)) {
      runs[name].push(await measureThroughput({ ...target, seconds: roundSeconds }));
    }
  }
  const combine = (list) => {
    const total = list.reduce((sum, run) => sum + run.total, 0);
    return {
      rps: total / (roundSeconds * list.length),
      total,
      errors: list.reduce((sum, run) => sum + run.errors, 0),
      p50: percentile(
        list.map((run) => run.p50),
        0.5,
      ),
      p99: Math.max(...list.map((run) => run.p99)),
    };
  };
  return {
    seconds: roundSeconds * rounds,
    rounds,
    ...Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, combine(list)])),
  };
}

/** The SDK's list at c=50 for the direct side: what Telnyx (here the simulator) takes without us. */
export function directThroughputTarget(simUrl, simKey) {
  // The SDK's parameters as a query string; its empty filter adds nothing to it.
  const { filter: _filter, ...query } = directListParams;
  const params = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  return { url: `${simUrl}/managed_accounts?${params}`, headers: { Authorization: `Bearer ${simKey}` } };
}
