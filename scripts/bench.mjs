// `npm run bench`: the console's performance in one report, side by side with the floor it cannot beat.
// Not a test: it prints figures against the goals of issue 11 and exits 1 when one is missed.
//   list latency   c=1 p50/p95 of the accounts list, straight from the simulator through the Telnyx SDK,
//                  through a bare Next.js proxy doing the same (scripts/bench/plain.mjs: an App Router route
//                  handler, and a Pages Router API route) and through the console's /api/managed-accounts;
//                  the differences are what Next.js and the console add. Uncompressed, as the SDK's side
//                  is; the console once more with a browser's Accept-Encoding, for what gzip adds
//   throughput     c=50 req/s and errors: the simulator's list (plain HTTP), then the two bare Next.js
//                  proxies and the console, taken in three turns each so a change in the machine's load
//                  hits all of them
//   first-load JS  gzip -9 of every route's first-load chunks (scripts/bench/bundles.mjs)
//   memory         the console's RSS idle after start, and after its c=50 turns
//   requests       on a fresh /accounts load, prefetches counted apart
//   interactions   INP at 4× CPU slowdown, status tab, paging, typing a filter (scripts/bench/browser.mjs)
// Set-up: the simulator in its own process and the console in live mode pointed at it (startSeparate in
// scripts/lib/bench.mjs), so every figure is the console's alone; the bare Next.js app is a third process.
// Builds only when there is no build at all (a stale one is measured as it is: rebuild first to measure
// new code). Options: --samples N (c=1 requests per side, default 500), --seconds N (each server's c=50
// load in all, default 30), --no-browser. Ports: TEST_PORT / TEST_SIM_PORT, the bare app TEST_PORT + 2;
// build dir: NEXT_DIST_DIR. --node N runs it all on Node.js N instead of the machine's (bench/runtime.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";
import { firstLoadSizes, distDirOf, KB } from "./bench/bundles.mjs";
import { groupCpuMs } from "./bench/cpu.mjs";
import { measureBrowser, CPU_SLOWDOWN } from "./bench/browser.mjs";
import { directClient } from "./bench/direct.mjs";
import { rerunOnNode } from "./bench/runtime.mjs";
import {
  CONSOLE_LIST_ROUTE,
  directThroughputTarget,
  ENCODINGS,
  httpRead,
  measureLatency,
  measureThroughput,
  measureThroughputInTurns,
  sdkRead,
} from "./bench/http.mjs";
import { PLAIN_LIST_ROUTE, PLAIN_PAGES_LIST_ROUTE, startPlainNext } from "./bench/plain.mjs";
import { MB, ensureBuilt, groupRssBytes, sleep, startSampling, startSeparate } from "./lib/bench.mjs";
import { ROOT } from "./lib/paths.mjs";
import { assertPortsFree, testServerAddress } from "./lib/test-server.mjs";

const GOALS = {
  overheadP50Ms: 1.5,
  consoleRps: 700,
  idleRssMb: 250,
  loadedRssMb: 350,
  fetchesOnLoad: 12,
  inpMs: 100,
};

function parseOptions(argv) {
  const options = { samples: 500, seconds: 30, browser: true, node: undefined, rest: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split("=");
    const value = () => Number(inline ?? argv[++index]);
    if (name === "--node") {
      options.node = value();
      continue;
    }
    const start = index;
    if (name === "--samples") options.samples = value();
    else if (name === "--seconds") options.seconds = value();
    else if (name === "--no-browser") options.browser = false;
    else throw new Error(`Unknown option ${argv[index]}: use --samples, --seconds, --no-browser, --node.`);
    // What a run on another Node.js is handed: every option but --node.
    options.rest.push(...argv.slice(start, index + 1));
  }
  for (const key of ["samples", "seconds", ...(options.node === undefined ? [] : ["node"])])
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
  const exitCode = await rerunOnNode(options.node, options.rest);
  if (exitCode !== undefined) {
    process.exitCode = exitCode;
    return;
  }
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
  let plain;
  try {
    const { server, browser, simUrl, simKey } = setup;
    const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    plain = await startPlainNext({
      port: testServerAddress().port + 2,
      simUrl,
      simKey,
      logFile: setup.paths.serverLog.replace(/\.log$/, "-plain.log"),
    });
    // A fresh data directory's initdb (its own WASM instance) is let go a few seconds after start: idle
    // means settled, not the start-up peak.
    await sleep(15_000);
    results.idleRss = groupRssBytes(server.pid);
    console.log(
      `[bench] console up, idle RSS ${mb(results.idleRss)}; c=1, ${options.samples} requests a side`,
    );
    // Each server runs in its own process group here, so each side's CPU is that server's own work.
    const httpSide = (url, headers, pid) => ({ read: httpRead(url, headers), cpuMs: () => groupCpuMs(pid) });
    const lists = {
      plain: `${plain.baseUrl}${PLAIN_LIST_ROUTE}`,
      plainPages: `${plain.baseUrl}${PLAIN_PAGES_LIST_ROUTE}`,
      console: `${browser.baseUrl}${CONSOLE_LIST_ROUTE}`,
    };
    // Every side served over HTTP gets what a signed-in browser sends, its cookies included: Next reads a
    // request's cookies into the route's cookie store whether the handler looks at them or not.
    const asBrowser = { Cookie: cookie };
    const uncompressed = { ...asBrowser, ...ENCODINGS.identity };
    results.latency = await measureLatency({
      sides: {
        direct: { read: sdkRead(directClient(simUrl, simKey)), cpuMs: () => groupCpuMs(setup.simulator.pid) },
        plain: httpSide(lists.plain, uncompressed, plain.pid),
        plainPages: httpSide(lists.plainPages, uncompressed, plain.pid),
        console: httpSide(lists.console, uncompressed, server.pid),
        consoleGzip: httpSide(lists.console, { ...asBrowser, ...ENCODINGS.browser }, server.pid),
      },
      samples: options.samples,
    });
    console.log(
      "[bench] c=50: the simulator for 10 s, then the bare Next.js proxies and the console in turns",
    );
    results.directLoad = await measureThroughput({ ...directThroughputTarget(simUrl, simKey), seconds: 10 });
    const stopSampling = startSampling(server.pid);
    const turns = await measureThroughputInTurns({
      targets: Object.fromEntries(
        Object.entries(lists).map(([side, url]) => [side, { url, headers: asBrowser }]),
      ),
      seconds: options.seconds,
    });
    results.plainLoad = turns.plain;
    results.plainPagesLoad = turns.plainPages;
    results.consoleLoad = turns.console;
    results.loadSeconds = turns.seconds;
    results.loadRounds = turns.rounds;
    results.peakRss = stopSampling();
    await plain.stop();
    plain = undefined;
    await sleep(2_000);
    results.loadedRss = groupRssBytes(server.pid);
    if (options.browser) {
      console.log(`[bench] Chromium: a fresh /accounts load, then interactions at ${CPU_SLOWDOWN}× slowdown`);
      results.browser = await measureBrowser({ baseUrl: browser.baseUrl, cookies: [...browser.cookies] });
    }
  } finally {
    await plain?.stop();
    await setup.stop();
  }
  report(results, bundles, options, loadBefore);
}

function report(results, bundles, options, loadBefore) {
  const { latency, directLoad, plainLoad, plainPagesLoad, consoleLoad } = results;
  const overhead = latency.console.p50 - latency.direct.p50;
  const checks = [];
  const check = (ok) => (checks.push(ok), mark(ok));
  const loadRow = (load, duration) =>
    `${Math.round(load.rps)} req/s, ${load.errors} errors, p50 ${load.p50} ms p99 ${load.p99} ms (${duration}`;
  console.log(
    `\n[bench] report (Node.js ${process.versions.node}; load average ${loadBefore} before, ${loadAverage()} after; 2 cores shared)`,
  );
  const sides = [
    ["direct", "direct SDK", "simulator"],
    ["plain", "bare App Router", "bare App Router"],
    ["plainPages", "bare Pages API", "bare Pages API"],
    ["console", "console", "console"],
    ["consoleGzip", "console, gzip", "console, gzip"],
  ];
  for (const [side, label] of sides) {
    const figures = latency[side];
    console.log(
      `  list c=1 ${label.padEnd(16)} p50 ${ms(figures.p50)}  p95 ${ms(figures.p95)}  (${figures.samples} requests)`,
    );
  }
  const cpu = sides.map(([side, , label]) => `${label} ${ms(latency[side].cpuMsPerRequest)}`).join(", ");
  console.log(`  CPU per list request      ${cpu} (CPU moves less than wall time with the machine's load)`);
  const overheadRow = (side) =>
    `p50 ${ms(latency[side].p50 - latency.direct.p50)}  p95 ${ms(latency[side].p95 - latency.direct.p95)}`;
  console.log(
    `  bare App Router overhead  ${overheadRow("plain")}  (what a Next.js route handler adds here)`,
  );
  console.log(`  bare Pages API overhead   ${overheadRow("plainPages")}  (the same, leaving the App Router)`);
  console.log(
    `  console overhead          ${overheadRow("console")}  (goal p50 ≤ ${GOALS.overheadP50Ms} ms: ${check(overhead <= GOALS.overheadP50Ms)})`,
  );
  console.log(
    `  console over App Router   p50 ${ms(latency.console.p50 - latency.plain.p50)}  (the session check, validation, labels, balances, log line and metrics)`,
  );
  console.log(
    `  gzip of the console page  p50 ${ms(latency.consoleGzip.p50 - latency.console.p50)}  (compressing and inflating it, as a browser asks; in none of the figures above)`,
  );
  console.log(`  list c=50 simulator       ${loadRow(directLoad, "10 s")})`);
  const turns = `${results.loadSeconds} s in ${results.loadRounds} turns`;
  console.log(`  list c=50 bare App Router ${loadRow(plainLoad, turns)})`);
  console.log(`  list c=50 bare Pages API  ${loadRow(plainPagesLoad, turns)})`);
  console.log(
    `  list c=50 console         ${loadRow(consoleLoad, turns)}; goal ≥ ${GOALS.consoleRps} req/s, 0 errors: ${check(consoleLoad.rps >= GOALS.consoleRps && consoleLoad.errors === 0)})`,
  );
  console.log(
    `  RSS idle after start      ${mb(results.idleRss)} (goal ≤ ${GOALS.idleRssMb} MB: ${check(results.idleRss <= GOALS.idleRssMb * MB)})`,
  );
  console.log(
    `  RSS after c=50 × ${results.loadSeconds} s     ${mb(results.loadedRss)}, peak ${mb(results.peakRss)} (goal ≤ ${GOALS.loadedRssMb} MB: ${check(results.loadedRss <= GOALS.loadedRssMb * MB)})`,
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
      const { interaction, anyEvent } = interactions[name];
      console.log(
        `  INP ${CPU_SLOWDOWN}× CPU              ${label.padEnd(16)} ${Math.round(interaction.duration)} ms (${interaction.name}) (goal ≤ ${GOALS.inpMs} ms: ${check(interaction.duration <= GOALS.inpMs)}); longest event of any kind ${Math.round(anyEvent.duration)} ms (${anyEvent.name})`,
      );
    }
  } else if (options.browser) console.log("  browser figures           no Chromium found (CHROMIUM_PATH)");
  process.exitCode = checks.every(Boolean) ? 0 : 1;
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
