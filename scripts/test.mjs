// `npm test`: builds the app, runs the unit tests, starts the built app in embedded mode on a fresh data
// directory, runs the API tests and the browser tests against it, stops it, and prints one line of
// totals taken from the runners' JSON reports. Options (after `npm test --`):
//   --skip-build            reuse .next as it is (it is still built if missing)
//   --only unit|api|e2e     run only these phases (repeatable, or comma-separated)
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { buildApp, staleBuildReason } from "./lib/build.mjs";
import { ensureChromium, INSTALL_COMMAND } from "./lib/chromium.mjs";
import { TEST_DATA_DIR } from "./lib/paths.mjs";
import { countPlaywright, countVitest, runnerOutcome, summaryLine, totals } from "./lib/reports.mjs";
import { killRunningNow, run, stopRunning } from "./lib/run.mjs";
import {
  DEMO_PASSWORD,
  assertPortsFree,
  killTestServerNow,
  runPaths,
  runStamp,
  scrubbedEnv,
  spawnTestServer,
  stopTestServer,
  testServerAddress,
  waitForHealth,
} from "./lib/test-server.mjs";

const PHASES = ["unit", "api", "e2e"];
const timings = [];
let server;

function parseOptions(argv) {
  const options = { skipBuild: false, only: new Set() };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--skip-build") options.skipBuild = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? argv[++index] : arg.slice("--only=".length);
      for (const phase of (value ?? "").split(",")) {
        if (!PHASES.includes(phase)) throw new Error(`--only takes ${PHASES.join("|")}, got "${phase}"`);
        options.only.add(phase);
      }
    } else throw new Error(`Unknown option ${arg}. Use --skip-build and/or --only ${PHASES.join("|")}.`);
  }
  if (options.only.size === 0) PHASES.forEach((phase) => options.only.add(phase));
  return options;
}

async function timed(name, work) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings.push({ name, seconds: (Date.now() - started) / 1000 });
  }
}

/** Old runs' PGlite directories are tens of MB each; keep the last few for post-mortems. */
function pruneOldRuns({ keep = 3, olderThanMs = 60 * 60 * 1000 } = {}) {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const stampOf = (name) => name.match(/^(?:run|server|reports)-(.+?)(?:\.log)?$/)?.[1];
  const names = readdirSync(TEST_DATA_DIR).filter(stampOf);
  const recent = new Set([...new Set(names.map(stampOf))].sort().slice(-keep));
  for (const name of names) {
    const full = path.join(TEST_DATA_DIR, name);
    // Age guards another checkout's run that is still going on other ports.
    if (recent.has(stampOf(name)) || Date.now() - statSync(full).mtimeMs < olderThanMs) continue;
    rmSync(full, { recursive: true, force: true });
  }
}

async function prepareChromium() {
  const chromium = await ensureChromium();
  if (!chromium) {
    console.error(`[test] No Chromium found for the browser tests. Fix: ${INSTALL_COMMAND}`);
    console.error("[test] (or point CHROMIUM_PATH at a Chromium binary)");
    return false;
  }
  process.env.CHROMIUM_PATH = chromium;
  console.log(`[test] Chromium: ${chromium}`);
  return true;
}

function prepareBuild({ skipBuild }) {
  const reason = skipBuild ? staleBuildReason() : "a fresh build for every full run";
  if (skipBuild && reason === undefined) return true;
  if (skipBuild && reason !== "no .next/BUILD_ID") {
    console.log(`[test] --skip-build: reusing .next although ${reason}`);
    return true;
  }
  console.log(`[test] next build (${reason})`);
  return buildApp();
}

async function runTypecheck() {
  console.log("[test] tsc --noEmit");
  return (await run("tsc", ["--noEmit", "-p", "."], { env: scrubbedEnv() })) === 0;
}

async function runVitest(project, env, reportsDir) {
  const report = path.join(reportsDir, `${project}.json`);
  const args = ["run", "--project", project, "--passWithNoTests"];
  args.push("--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
  const exitCode = await run("vitest", args, { env });
  return runnerOutcome({ name: project, exitCode, counts: countVitest(report) });
}

async function runPlaywright(env, reportsDir) {
  const report = path.join(reportsDir, "e2e.json");
  const exitCode = await run("playwright", ["test", "--reporter=list,json"], {
    env: { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report },
  });
  return runnerOutcome({ name: "e2e", exitCode, counts: countPlaywright(report) });
}

function printLogTail(file, lines = 60) {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // Nothing logged yet.
  }
  console.error(`[test] last lines of ${file}:\n${text.split("\n").slice(-lines).join("\n")}`);
}

/** Starts the app and waits for its health check; returns false (after printing why) on failure. */
async function startServer(paths) {
  await assertPortsFree();
  console.log(`[test] next start on ${testServerAddress().baseUrl}, data in ${paths.dataDir}`);
  console.log(`[test] server log: ${paths.serverLog}`);
  server = spawnTestServer({ dataDir: paths.dataDir, logFile: paths.serverLog });
  try {
    await waitForHealth(server);
    return true;
  } catch (error) {
    console.error(`[test] ${error.message}`);
    printLogTail(paths.serverLog);
    return false;
  }
}

async function stopServer() {
  const current = server;
  server = undefined;
  await stopTestServer(current);
}

/** API and browser phases share one server; if it cannot start, both count as failed. */
async function runAgainstServer(options, paths, outcomes) {
  const phases = ["api", "e2e"].filter((phase) => options.only.has(phase));
  try {
    if (!(await timed("server start", () => startServer(paths)))) {
      for (const name of phases)
        outcomes.push({ name, passed: 0, failed: 1, skipped: 0, note: "server did not start" });
      return;
    }
    const { baseUrl, simUrl } = testServerAddress();
    const env = {
      ...scrubbedEnv(),
      BASE_URL: baseUrl,
      SIM_URL: simUrl,
      SERVER_LOG: paths.serverLog,
      DEMO_PASSWORD,
    };
    if (options.only.has("api"))
      outcomes.push(await timed("api", () => runVitest("api", env, paths.reportsDir)));
    if (options.only.has("e2e"))
      outcomes.push(await timed("e2e", () => runPlaywright(env, paths.reportsDir)));
  } finally {
    await timed("server stop", stopServer);
  }
}

function printReport(outcomes) {
  console.log("\n[test] phase timings:");
  for (const { name, seconds } of timings) console.log(`  ${name.padEnd(13)} ${seconds.toFixed(1)} s`);
  console.log("[test] results:");
  for (const outcome of outcomes) {
    const note = outcome.note ? `  (${outcome.note})` : "";
    console.log(`  ${outcome.name.padEnd(13)} ${summaryLine(outcome)}${note}`);
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const paths = runPaths(runStamp());
  pruneOldRuns();
  mkdirSync(paths.reportsDir, { recursive: true });
  const outcomes = [];
  const needsServer = options.only.has("api") || options.only.has("e2e");
  if (options.only.has("e2e") && !(await prepareChromium())) {
    outcomes.push({ name: "e2e", passed: 0, failed: 1, skipped: 0, note: "no Chromium" });
    return finish(outcomes);
  }
  // A full run starts with the type check the build leaves out (next.config.js); --only runs skip it.
  if (options.only.size === PHASES.length && !(await timed("typecheck", runTypecheck))) {
    outcomes.push({ name: "typecheck", passed: 0, failed: 1, skipped: 0, note: "tsc found type errors" });
    return finish(outcomes);
  }
  // A --only unit run needs no build.
  const isBuilt = needsServer ? await timed("build", () => prepareBuild(options)) : true;
  if (!isBuilt) outcomes.push({ name: "build", passed: 0, failed: 1, skipped: 0, note: "next build failed" });
  if (options.only.has("unit")) {
    outcomes.push(await timed("unit", () => runVitest("unit", scrubbedEnv(), paths.reportsDir)));
  }
  if (needsServer && isBuilt) await runAgainstServer(options, paths, outcomes);
  finish(outcomes);
}

/** Prints the report and, as the very last line, the totals; a run with no test at all is red. */
function finish(outcomes) {
  const total = totals(outcomes);
  printReport(outcomes);
  if (total.passed + total.failed === 0) console.error("[test] No test ran: that is a failure, not a pass.");
  process.exitCode = total.failed === 0 && total.passed > 0 ? 0 : 1;
  console.log(summaryLine(total));
}

let isStopping = false;

async function onSignal(signal) {
  // A second Ctrl-C while stopping should not start a second teardown.
  if (isStopping) return;
  isStopping = true;
  console.error(`\n[test] ${signal}: stopping the runners and the server`);
  await Promise.all([stopRunning(signal), stopServer()]);
  process.exit(signal === "SIGINT" ? 130 : 143);
}

process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("SIGHUP", onSignal);
// Whatever path leads out (an exception included), no runner or server may outlive us.
process.on("exit", () => {
  killRunningNow();
  killTestServerNow(server);
});

main().catch((error) => {
  console.error(`[test] ${error.stack ?? error}`);
  process.exitCode = 1;
  console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
});
