// Starts the built app the way the tests expect it: embedded mode (simulator + PGlite), a fresh data
// directory, demo staff with a known password, and no real credentials anywhere in its environment.
import { spawn } from "node:child_process";
import { mkdirSync, openSync, closeSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, TEST_DATA_DIR } from "./paths.mjs";
import { nextStartCommand, startScriptEnv } from "./start-env.mjs";

export const DEMO_PASSWORD = "subdesk-demo-pass";

/** Ports are overridable so two engineers (or two checkouts) can run the suite side by side. */
export function testServerAddress() {
  const port = Number(process.env.TEST_PORT ?? 3917);
  const simPort = Number(process.env.TEST_SIM_PORT ?? 3918);
  return {
    port,
    simPort,
    baseUrl: `http://127.0.0.1:${port}`,
    simUrl: `http://127.0.0.1:${simPort}`,
  };
}

/** A filesystem-safe timestamp shared by the data dir, the server log and the reports of one run. */
export function runStamp() {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

export function runPaths(stamp) {
  return {
    dataDir: path.join(TEST_DATA_DIR, `run-${stamp}`),
    serverLog: path.join(TEST_DATA_DIR, `server-${stamp}.log`),
    reportsDir: path.join(TEST_DATA_DIR, `reports-${stamp}`),
  };
}

/**
 * The environment minus anything that could reach the real Telnyx or a real database: with
 * TELNYX_CLIENT_ID/SECRET set the SDK fetches an OAuth token from api.telnyx.com whatever its baseURL,
 * and a TELNYX_API_KEY or DATABASE_URL would switch the app to live mode.
 */
export function scrubbedEnv(base = process.env) {
  const env = { ...base };
  for (const name of Object.keys(env)) {
    if (name.startsWith("TELNYX_") || name === "DATABASE_URL") delete env[name];
  }
  // Live mode asks admins for TOTP by default; the benchmarks and tests sign in as the bootstrap admin with
  // a password alone (tests/api/mfa-required.test.ts covers the requirement).
  env.SUBDESK_REQUIRE_MFA ??= "none";
  // Two-person approval and step-up have their own servers in tests/api/approvals*.test.ts and the e2e
  // approvals spec; the older suites (and benchmarks) remove users, run large jobs and sign in once.
  env.SUBDESK_APPROVAL_POLICY ??= "none";
  env.SUBDESK_STEP_UP_MAX_AGE_SECONDS ??= "43200";
  return env;
}

export function testServerEnv({ dataDir }) {
  const { simPort, baseUrl } = testServerAddress();
  return {
    ...scrubbedEnv(),
    NODE_ENV: "production",
    // As `npm start` runs it (start-env.mjs): SIGTERM drains and closes the database (lib/shutdown.ts), not
    // Next's handler; the allocator's settings.
    ...startScriptEnv(),
    DATA_DIR: dataDir,
    SIM_PORT: String(simPort),
    SIM_CONTROL: "1",
    // A change whose outcome is unknown is read back in the background; kept short here so those reads end
    // before the next test counts the simulator's requests.
    SUBDESK_RECONCILE_DELAYS_MS: "300,700,1500",
    // Bulk jobs in tests run fast; the pacing itself is measured by the benchmark.
    SUBDESK_BULK_MAX_RPS: "50",
    // No scheduled balance refresh walking the fleet behind tests that count the simulator's requests; the
    // balance tests start theirs, fast.
    SUBDESK_BALANCE_REFRESH_MINUTES: "0",
    SUBDESK_BALANCE_MAX_RPS: "50",
    DEMO_PASSWORD,
    NEXTAUTH_URL: baseUrl,
    // /api/metrics opens to this bearer token (tests/support/env.ts metricsToken()).
    SUBDESK_METRICS_TOKEN: process.env.TEST_METRICS_TOKEN ?? "subdesk-test-metrics-token",
  };
}

export function isPortTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Refuses to start beside someone else's server: tests would silently run against the wrong one. */
export async function assertPortsFree() {
  const { port, simPort } = testServerAddress();
  for (const [name, value] of [
    ["TEST_PORT", port],
    ["TEST_SIM_PORT", simPort],
  ]) {
    if (await isPortTaken(value)) {
      throw new Error(`Port ${value} is already in use on 127.0.0.1; pick another with ${name}=<port>.`);
    }
  }
}

/**
 * Spawns `next start`. With `logFile` the output goes there; otherwise it is inherited.
 * `detached` puts it in its own process group so stopTestServer can kill it and every child it forks.
 */
export function spawnTestServer({ dataDir, logFile, detached = true }) {
  const { port } = testServerAddress();
  mkdirSync(dataDir, { recursive: true });
  let stdio = "inherit";
  let logFd;
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    logFd = openSync(logFile, "a");
    stdio = ["ignore", logFd, logFd];
  }
  const { command, args } = nextStartCommand(port);
  const child = spawn(command, args, {
    cwd: ROOT,
    env: testServerEnv({ dataDir }),
    stdio,
    detached,
  });
  // The child holds its own copy of the descriptor.
  if (logFd !== undefined) closeSync(logFd);
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return child;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function isHealthy(url) {
  // AbortSignal.timeout leaks on Node 20 here (STACK.md); a plain timer does not.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  try {
    const response = await fetch(url, { signal: controller.signal });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once GET /api/health answers 200; rejects on timeout or if the server exits first. */
export async function waitForHealth(child, { timeoutMs = 90_000 } = {}) {
  const url = `${testServerAddress().baseUrl}/api/health`;
  let exit;
  child.exited.then((value) => (exit = value));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exit) throw new Error(`Server exited early (code ${exit.code}, signal ${exit.signal}).`);
    if (await isHealthy(url)) return;
    await sleep(500);
  }
  throw new Error(`GET ${url} did not answer 200 within ${timeoutMs / 1000} s.`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops the whole process group: SIGTERM, then SIGKILL for whatever lingers. */
export async function stopTestServer(child, { graceMs = 5_000 } = {}) {
  if (!child) return;
  const isRunning = child.exitCode === null && child.signalCode === null;
  if (isRunning) {
    killGroup(child, "SIGTERM");
    await Promise.race([child.exited, sleep(graceMs)]);
  }
  // Forked workers can outlive the parent: sweep the group even when the parent is already gone.
  killGroup(child, "SIGKILL");
  await child.exited;
}

/** Synchronous last resort for process "exit" handlers, where nothing async can run. */
export function killTestServerNow(child) {
  if (child) killGroup(child, "SIGKILL");
}
