// `npm run bench`: the console's performance in one report, side by side with the floor it cannot beat.
// Not a test: it prints figures against the goals of issue 11 and exits 1 when one is missed.
//   list latency   c=1 p50/p95 of the accounts list, straight from the simulator through the Telnyx SDK and
//                  through the console's /api/managed-accounts; the difference is what the console adds
//   throughput     c=50 req/s and errors, the simulator's list (plain HTTP) and the console's
//   first-load JS  gzip -9 of every route's first-load chunks (scripts/bench/bundles.mjs)
//   memory         the console's RSS idle after start, and after 50 connections × --seconds s
//   requests       on a fresh /accounts load, prefetches counted apart
//   interactions   the worst event at 4× CPU slowdown: status tab, paging, typing a filter (INP-like)
// Set-up: the simulator in its own process and the console in live mode pointed at it (startSeparate in
// scripts/lib/bench.mjs), so every figure is the console's alone. Builds only when there is no build at all
// (a stale one is measured as it is: rebuild first to measure new code). Options: --samples N (c=1
// requests per side, default 500), --seconds N (the console's c=50 run, default 30), --no-browser.
// Ports: TEST_PORT / TEST_SIM_PORT; build dir: NEXT_DIST_DIR.
import { readFileSync } from "node:fs";
import path from "node:path";
import { firstLoadSizes, distDirOf, KB } from "./bench/bundles.mjs";
import { groupCpuMs } from "./bench/cpu.mjs";
import { measureBrowser, CPU_SLOWDOWN } from "./bench/browser.mjs";
import {
  CONSOLE_LIST_ROUTE,
  directClient,
  directThroughputTarget,
  measureLatency,
  measureThroughput,
} from "./bench/http.mjs";
import { MB, ensureBuilt, groupRssBytes, sleep, startSampling, startSeparate } from "./lib/bench.mjs";
import { ROOT } from "./lib/paths.mjs";
import { assertPortsFree } from "./lib/test-server.mjs";

const GOALS = {
  overheadP50Ms: 1.5,
  consoleRps: 700,
  idleRssMb: 250,
  loadedRssMb: 350,
  fetchesOnLoad: 12,
  worstEventMs: 100,
};

function parseOptions(argv) {
  const options = { samples: 500, seconds: 30, browser: true };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split("=");
    if (name === "--samples") options.samples = Number(inline ?? argv[++index]);
    else if (name === "--seconds") options.seconds = Number(inline ?? argv[++index]);
    else if (name === "--no-browser") options.browser = false;
    else throw new Error(`Unknown option ${argv[index]}: use --samples, --seconds, --no-browser.`);
  }
  for (const key of ["samples", "seconds"])
    if (!Number.isSafeInteger(options[key]) || options[key] < 1)
      throw new Error(`--${key}: a whole number ≥ 1`);
  return options;
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const mark = (ok) => (ok ? "ok" : "MISSED");
const ms = (value) => `${value.toFixed(2)} ms`;
const mb = (bytes) => `${Math.round(bytes / MB)} MB`;

function printBundles(rows) {
  console.log("  first-load JS (gzip -9)   route                 kB  chunks  budget");
  for (const row of rows) {
    const ok = row.gzipBytes <= row.budgetBytes;
    console.log(
      `                            ${row.route.padEnd(20)} ${(row.gzipBytes / KB).toFixed(1).padStart(6)}  ${String(row.chunks).padStart(6)}  ${row.budgetBytes / KB} ${mark(ok)}`,
    );
  }
  return rows.every((row) => row.gzipBytes <= row.budgetBytes);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt(true);
  await assertPortsFree();
  const loadBefore = loadAverage();
  const bundles = firstLoadSizes(ROOT, distDirOf(ROOT));
  const setup = await startSeparate({
    name: "bench",
    simEnv: {},
    readyPath: "/managed_accounts?page[size]=1",
  });
  const results = {};
  try {
    const { server, browser, simUrl, simKey } = setup;
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    // A fresh data directory's initdb (its own WASM instance) is let go a few seconds after start: idle
    // means settled, not the start-up peak.
    await sleep(15_000);
    results.idleRss = groupRssBytes(server.pid);
    console.log(
      `[bench] console up, idle RSS ${mb(results.idleRss)}; c=1, ${options.samples} requests a side`,
    );
    results.latency = await measureLatency({
      sdk: directClient(simUrl, simKey),
      baseUrl: browser.baseUrl,
      cookie,
      samples: options.samples,
      // The simulator runs in its own process here, so the console's CPU is the console's own work.
      cpuMs: (side) => groupCpuMs(side === "direct" ? setup.simulator.pid : server.pid),
    });
    console.log("[bench] c=50: the simulator for 10 s, then the console");
    results.directLoad = await measureThroughput({ ...directThroughputTarget(simUrl, simKey), seconds: 10 });
    const stopSampling = startSampling(server.pid);
    results.consoleLoad = await measureThroughput({
      url: `${browser.baseUrl}${CONSOLE_LIST_ROUTE}`,
      headers: { Cookie: cookie },
      seconds: options.seconds,
    });
    results.peakRss = stopSampling();
    await sleep(2_000);
    results.loadedRss = groupRssBytes(server.pid);
    if (options.browser) {
      console.log(`[bench] Chromium: a fresh /accounts load, then interactions at ${CPU_SLOWDOWN}× slowdown`);
      results.browser = await measureBrowser({ baseUrl: browser.baseUrl, cookies: [...browser.cookies] });
    }
  } finally {
    await setup.stop();
  }
  report(results, bundles, options, loadBefore);
}

function report(results, bundles, options, loadBefore) {
  const { latency, directLoad, consoleLoad } = results;
  const overhead = latency.console.p50 - latency.direct.p50;
  const checks = [];
  const check = (ok) => (checks.push(ok), mark(ok));
  console.log(`\n[bench] report (load average ${loadBefore} before, ${loadAverage()} after; 2 cores shared)`);
  console.log(
    `  list c=1 direct SDK       p50 ${ms(latency.direct.p50)}  p95 ${ms(latency.direct.p95)}  (${latency.direct.samples} requests)`,
  );
  console.log(
    `  list c=1 console          p50 ${ms(latency.console.p50)}  p95 ${ms(latency.console.p95)}  (${latency.console.samples} requests)`,
  );
  console.log(
    `  CPU per list request      simulator ${ms(latency.direct.cpuMsPerRequest)}, console ${ms(latency.console.cpuMsPerRequest)} (CPU moves less than wall time with the machine's load)`,
  );
  console.log(
    `  console overhead          p50 ${ms(overhead)}  p95 ${ms(latency.console.p95 - latency.direct.p95)}  (goal p50 ≤ ${GOALS.overheadP50Ms} ms: ${check(overhead <= GOALS.overheadP50Ms)})`,
  );
  console.log(
    `  list c=50 simulator       ${Math.round(directLoad.rps)} req/s, ${directLoad.errors} errors, p50 ${directLoad.p50} ms p99 ${directLoad.p99} ms (10 s)`,
  );
  console.log(
    `  list c=50 console         ${Math.round(consoleLoad.rps)} req/s, ${consoleLoad.errors} errors, p50 ${consoleLoad.p50} ms p99 ${consoleLoad.p99} ms (${options.seconds} s; goal ≥ ${GOALS.consoleRps} req/s, 0 errors: ${check(consoleLoad.rps >= GOALS.consoleRps && consoleLoad.errors === 0)})`,
  );
  console.log(
    `  RSS idle after start      ${mb(results.idleRss)} (goal ≤ ${GOALS.idleRssMb} MB: ${check(results.idleRss <= GOALS.idleRssMb * MB)})`,
  );
  console.log(
    `  RSS after c=50 × ${options.seconds} s     ${mb(results.loadedRss)}, peak ${mb(results.peakRss)} (goal ≤ ${GOALS.loadedRssMb} MB: ${check(results.loadedRss <= GOALS.loadedRssMb * MB)})`,
  );
  if (bundles) checks.push(printBundles(bundles));
  else
    console.log(
      `  first-load JS             no ${path.join("<dist>", "diagnostics", "route-bundle-stats.json")}`,
    );
  const { browser } = results;
  if (browser) {
    const { requests, interactions } = browser;
    console.log(
      `  fresh /accounts load      ${requests.total} requests, ${requests.prefetches} of them prefetches ${JSON.stringify(requests.byType)} (goal ≤ ${GOALS.fetchesOnLoad}: ${check(requests.total <= GOALS.fetchesOnLoad)})`,
    );
    for (const [name, label] of [
      ["tabs", "status tab"],
      ["paging", "paging"],
      ["typing", "typing a filter"],
    ]) {
      const worst = interactions[name];
      console.log(
        `  worst event ${CPU_SLOWDOWN}× CPU      ${label.padEnd(16)} ${Math.round(worst.duration)} ms (${worst.name}) (goal ≤ ${GOALS.worstEventMs} ms: ${check(worst.duration <= GOALS.worstEventMs)})`,
      );
    }
  } else if (options.browser) console.log("  browser figures           no Chromium found (CHROMIUM_PATH)");
  process.exitCode = checks.every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
