// `npm run bench:report`: how the users-and-groups CSV download behaves at 50,000 users. Not a test: it
// prints figures (time to first byte, total time, bytes, rows, the console's memory growth) against the
// targets (first byte < 1 s, growth < 64 MB) and exits 1 when a target is missed.
//
// Two set-ups, because in embedded mode the simulator lives inside the console's own process:
//   separate (the honest figure for the console alone): `npm run sim` in its own process, seeded with the
//            users, and the console in live mode pointed at it (TELNYX_BASE_URL), signed in as a bootstrap
//            admin. The console's memory is then only the console's.
//   embedded: the test server as `npm test` starts it; the simulator is reset to the users through its
//            control surface. Its memory figure includes the simulator producing the CSV.
// Options: --mode separate|embedded|both (default both), --users N (default 50000), --skip-build.
// Ports: TEST_PORT / TEST_SIM_PORT (as for npm test); build dir: NEXT_DIST_DIR.
import path from "node:path";
import {
  Browser,
  MB,
  SAMPLE_EVERY_MS,
  describeGroup,
  ensureBuilt,
  printLoad,
  downloadCsv,
  groupRssBytes,
  sleep,
  startSeparate,
} from "./lib/bench.mjs";
import { ROOT } from "./lib/paths.mjs";
import {
  DEMO_PASSWORD,
  assertPortsFree,
  runPaths,
  runStamp,
  spawnTestServer,
  stopTestServer,
  testServerAddress,
  waitForHealth,
} from "./lib/test-server.mjs";

const REPORT_ROUTE = "/api/org-users/groups-report?format=csv";
const TARGET_FIRST_BYTE_MS = 1_000;
const TARGET_GROWTH_MB = 64;

function parseOptions(argv) {
  const options = { mode: "both", users: 50_000, skipBuild: false };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split("=");
    const value = () => inline ?? argv[++index];
    if (name === "--mode") options.mode = value();
    else if (name === "--users") options.users = Number(value());
    else if (name === "--skip-build") options.skipBuild = true;
    else throw new Error(`Unknown option ${argv[index]}: use --mode, --users, --skip-build.`);
  }
  if (!["separate", "embedded", "both"].includes(options.mode))
    throw new Error("--mode: separate|embedded|both");
  if (!Number.isSafeInteger(options.users) || options.users < 1) throw new Error("--users: a whole number");
  return options;
}

/**
 * The first download is the figure that counts (cold: first report the simulator sorts, first big stream
 * through the console); a second one shows the steady state.
 */
async function downloadTwice(browser, groupId) {
  const cold = await downloadCsv(browser, groupId, REPORT_ROUTE);
  await sleep(1_000);
  const warm = await downloadCsv(browser, groupId, REPORT_ROUTE);
  return { ...cold, warm };
}

// --- the two set-ups --------------------------------------------------------------------------------------

async function runEmbedded(options) {
  const { baseUrl, simUrl } = testServerAddress();
  const paths = runPaths(`bench-embedded-${runStamp()}`);
  const server = spawnTestServer({ dataDir: paths.dataDir, logFile: paths.serverLog });
  try {
    await waitForHealth(server);
    const seedStarted = performance.now();
    const reset = await fetch(`${simUrl}/__sim/reset`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ users: options.users }),
    });
    if (!reset.ok) throw new Error(`Simulator reset answered ${reset.status}: ${await reset.text()}`);
    const seedMs = performance.now() - seedStarted;
    const browser = new Browser(baseUrl);
    await browser.signIn("admin@subdesk.test", DEMO_PASSWORD);
    await warmUp(browser);
    const result = await downloadTwice(browser, server.pid);
    return {
      name: "embedded",
      includes: `the console AND the simulator (one process group: ${describeGroup(server.pid)})`,
      seedMs,
      log: paths.serverLog,
      ...result,
    };
  } finally {
    await stopTestServer(server);
  }
}

async function runSeparate(options) {
  const setup = await startSeparate({
    name: "bench-separate",
    simEnv: { SIM_SEED_USERS: String(options.users) },
    readyPath: "/organizations/users?page[size]=1",
  });
  try {
    await warmUp(setup.browser);
    const simulatorBefore = groupRssBytes(setup.simulator.pid);
    const result = await downloadTwice(setup.browser, setup.server.pid);
    return {
      name: "separate",
      includes: `the console alone, live mode (process group: ${describeGroup(setup.server.pid)}); the simulator runs apart (RSS ${(simulatorBefore / MB).toFixed(0)} MB holding ${options.users} users)`,
      seedMs: setup.seedMs,
      log: setup.paths.serverLog,
      ...result,
    };
  } finally {
    await setup.stop();
  }
}

/**
 * Loads the report route's code without making a report (an unknown format is refused before any upstream
 * call), so the growth measured is the download's, not the first import of the route; then reads the list
 * once, as the users page does before anyone clicks Export.
 */
async function warmUp(browser) {
  const response = await browser.request("GET", "/api/org-users/groups-report?format=warm-up");
  await response.arrayBuffer();
  // A person opens the users page before exporting: one list read, as that page makes.
  const list = await browser.request("GET", "/api/org-users?pageSize=50");
  if (!list.ok) throw new Error(`The users list answered ${list.status}`);
  await list.arrayBuffer();
  await sleep(500);
}

// --- report -----------------------------------------------------------------------------------------------

function printResult(result) {
  const growthMb = Math.max(0, result.peak - result.baseline) / MB;
  const isFastEnough = result.firstByteMs < TARGET_FIRST_BYTE_MS;
  const isSmallEnough = growthMb < TARGET_GROWTH_MB;
  const mark = (ok) => (ok ? "ok" : "MISSED");
  console.log(`\n[bench] ${result.name}: ${result.includes}`);
  console.log(`  seeding the simulator       ${(result.seedMs / 1000).toFixed(1)} s`);
  console.log(`  ${result.disposition}`);
  console.log(`  headers after               ${result.headersMs.toFixed(0)} ms`);
  console.log(
    `  time to first byte          ${result.firstByteMs.toFixed(0)} ms   (target < ${TARGET_FIRST_BYTE_MS} ms: ${mark(isFastEnough)})`,
  );
  console.log(`  total time                  ${(result.totalMs / 1000).toFixed(2)} s`);
  console.log(
    `  bytes                       ${result.bytes.toLocaleString("en")} (${(result.bytes / MB).toFixed(1)} MB)`,
  );
  console.log(`  rows (without the header)   ${result.rows.toLocaleString("en")}`);
  console.log(
    `  server RSS before / peak    ${(result.baseline / MB).toFixed(1)} MB / ${(result.peak / MB).toFixed(1)} MB (sampled every ${SAMPLE_EVERY_MS} ms)`,
  );
  console.log(
    `  peak memory growth          ${growthMb.toFixed(1)} MB   (target < ${TARGET_GROWTH_MB} MB: ${mark(isSmallEnough)})`,
  );
  if (result.warm) {
    const warmGrowthMb = Math.max(0, result.warm.peak - result.warm.baseline) / MB;
    console.log(
      `  second download (warm)      first byte ${result.warm.firstByteMs.toFixed(0)} ms, total ${(result.warm.totalMs / 1000).toFixed(2)} s, ${result.warm.rows.toLocaleString("en")} rows, growth ${warmGrowthMb.toFixed(1)} MB`,
    );
  }
  console.log(`  server log                  ${path.relative(ROOT, result.log)}`);
  return isFastEnough && isSmallEnough;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt(options.skipBuild);
  const modes = options.mode === "both" ? ["separate", "embedded"] : [options.mode];
  let isOnTarget = true;
  for (const mode of modes) {
    await assertPortsFree();
    console.log(
      `[bench] ${mode}: ${options.users.toLocaleString("en")} users, ports ${JSON.stringify(testServerAddress())}`,
    );
    printLoad();
    const result = mode === "separate" ? await runSeparate(options) : await runEmbedded(options);
    isOnTarget = printResult(result) && isOnTarget;
  }
  process.exitCode = isOnTarget ? 0 : 1;
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
