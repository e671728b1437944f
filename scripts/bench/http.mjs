// The list read two ways, side by side: straight from the simulator through the Telnyx SDK (the floor), and
// through the console's /api/managed-accounts (the SDK call plus our session check, validation and status
// labels). One request at a time for latency; 50 connections through autocannon for throughput.
import autocannon from "autocannon";
// eslint-disable-next-line no-restricted-imports -- the floor: the SDK straight to the simulator, without the console
import { Telnyx } from "telnyx";

export const LIST_PAGE_SIZE = 25;
export const CONSOLE_LIST_ROUTE = `/api/managed-accounts?pageSize=${LIST_PAGE_SIZE}`;
// What the console asks Telnyx for that route (lib/telnyx/list-params.ts with the list's defaults).
const directParams = {
  filter: {},
  include_cancelled_accounts: false,
  "page[number]": 1,
  "page[size]": LIST_PAGE_SIZE,
  sort: "-created_at",
};

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

export function directClient(simUrl, simKey) {
  // As lib/telnyx/sdk.ts builds it: no OAuth fallback, no SDK retries, no logging.
  return new Telnyx({
    apiKey: simKey,
    baseURL: simUrl,
    maxRetries: 0,
    clientID: null,
    clientSecret: null,
    logLevel: "off",
  });
}

/**
 * c=1 latency, the two alternated in blocks so a burst of load from elsewhere on the machine lands on both,
 * and the CPU each side's server spent per request (`cpuMs(side)`: its process group's CPU time so far).
 */
export async function measureLatency({ sdk, baseUrl, cookie, samples, cpuMs, blocks = 5 }) {
  const runs = { direct: [], console: [] };
  const cpu = { direct: 0, console: 0 };
  const readConsole = async () => {
    const response = await fetch(`${baseUrl}${CONSOLE_LIST_ROUTE}`, { headers: { Cookie: cookie } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${CONSOLE_LIST_ROUTE} answered ${response.status}`);
  };
  const readDirect = () => sdk.managedAccounts.list(directParams);
  const perBlock = Math.ceil(samples / blocks);
  const timeSide = async (side, once) => {
    const before = cpuMs(side);
    runs[side].push(await timeSequential(perBlock, 10, once));
    cpu[side] += cpuMs(side) - before;
  };
  for (let block = 0; block < blocks; block += 1) {
    await timeSide("direct", readDirect);
    await timeSide("console", readConsole);
  }
  const median = (side, key) =>
    percentile(
      runs[side].map((run) => run[key]),
      0.5,
    );
  // The warm-up requests ran on the servers too: their CPU is shared over every request sent.
  const sent = (perBlock + 10) * blocks;
  const figures = (side) => ({
    p50: median(side, "p50"),
    p95: median(side, "p95"),
    samples: perBlock * blocks,
    cpuMsPerRequest: cpu[side] / sent,
  });
  return { direct: figures("direct"), console: figures("console") };
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

/** The SDK's list at c=50 for the direct side: what Telnyx (here the simulator) takes without us. */
export function directThroughputTarget(simUrl, simKey) {
  const params = new URLSearchParams({
    "page[number]": "1",
    "page[size]": String(LIST_PAGE_SIZE),
    sort: "-created_at",
    include_cancelled_accounts: "false",
  });
  return { url: `${simUrl}/managed_accounts?${params}`, headers: { Authorization: `Bearer ${simKey}` } };
}
