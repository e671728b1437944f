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
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildApp, staleBuildReason } from "./lib/build.mjs";
import { NEXT_BIN, ROOT, TEST_DATA_DIR } from "./lib/paths.mjs";
import {
  DEMO_PASSWORD,
  assertPortsFree,
  runPaths,
  runStamp,
  scrubbedEnv,
  spawnTestServer,
  stopTestServer,
  testServerAddress,
  waitForHealth,
} from "./lib/test-server.mjs";

const TARGET_FIRST_BYTE_MS = 1_000;
const TARGET_GROWTH_MB = 64;
const SAMPLE_EVERY_MS = 25;
const MB = 1024 * 1024;

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- memory: every process in the server's process group (next start may fork), from /proc ---------------

function processGroupPids(groupId) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the ")" that closes the command name: state, ppid, pgrp, ...
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) pids.push(Number(entry));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return pids;
}

function statusKb(pid, field) {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
      readFileSync(`/proc/${pid}/status`, "utf8"),
    );
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function groupRssBytes(groupId) {
  return processGroupPids(groupId).reduce((sum, pid) => sum + statusKb(pid, "VmRSS") * 1024, 0);
}

function describeGroup(groupId) {
  return processGroupPids(groupId)
    .map((pid) => {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      return `${pid} ${path.basename(command[0] ?? "?")} ${command.slice(1, 3).join(" ")}`.trim();
    })
    .join("; ");
}

/** Samples the group's RSS until stopped; answers the peak seen. */
function startSampling(groupId) {
  let peak = groupRssBytes(groupId);
  const timer = setInterval(() => {
    peak = Math.max(peak, groupRssBytes(groupId));
  }, SAMPLE_EVERY_MS);
  return () => {
    clearInterval(timer);
    return Math.max(peak, groupRssBytes(groupId));
  };
}

// --- the console over HTTP, as a browser would use it ---------------------------------------------------

class Browser {
  cookies = new Map();

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  async request(method, route, { body, headers = {} } = {}) {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      body,
      redirect: "manual",
      headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  async signIn(email, password) {
    const { csrfToken } = await (await this.request("GET", "/api/auth/csrf")).json();
    await this.request("POST", "/api/auth/callback/credentials", {
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    const session = await (await this.request("GET", "/api/auth/session")).json();
    if (session?.user?.email !== email)
      throw new Error(`Sign-in as ${email} failed: ${JSON.stringify(session)}`);
  }
}

/** Reads the CSV as it arrives, keeping only counts: the client must not be what holds the report. */
async function download(browser, groupId) {
  const baseline = groupRssBytes(groupId);
  const stopSampling = startSampling(groupId);
  const startedAt = performance.now();
  const response = await browser.request("GET", "/api/org-users/groups-report?format=csv");
  const headersAt = performance.now();
  if (response.status !== 200)
    throw new Error(`The download answered ${response.status}: ${await response.text()}`);
  let firstByteAt;
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body) {
    firstByteAt ??= performance.now();
    bytes += chunk.length;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) newlines += 1;
  }
  const endedAt = performance.now();
  const peak = stopSampling();
  return {
    status: response.status,
    disposition: response.headers.get("content-disposition"),
    headersMs: headersAt - startedAt,
    firstByteMs: (firstByteAt ?? endedAt) - startedAt,
    totalMs: endedAt - startedAt,
    bytes,
    rows: Math.max(0, newlines - 1),
    baseline,
    peak,
  };
}

/**
 * The first download is the figure that counts (cold: first report the simulator sorts, first big stream
 * through the console); a second one shows the steady state.
 */
async function downloadTwice(browser, groupId) {
  const cold = await download(browser, groupId);
  await sleep(1_000);
  const warm = await download(browser, groupId);
  return { ...cold, warm };
}

// --- the two set-ups --------------------------------------------------------------------------------------

function spawnLogged(command, args, { env, logFile }) {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const child = spawn("sh", ["-c", `exec "$0" "$@" >> "${logFile}" 2>&1`, command, ...args], {
    cwd: ROOT,
    env,
    stdio: "ignore",
    detached: true,
  });
  child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return child;
}

async function waitForUrl(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let exit;
  child.exited.then((value) => (exit = value));
  while (Date.now() < deadline) {
    if (exit) throw new Error(`${url}: the process exited early (${JSON.stringify(exit)}).`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.`);
}

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
  const { port, simPort, baseUrl } = testServerAddress();
  const paths = runPaths(`bench-separate-${runStamp()}`);
  const simKey = `KEYBENCH${randomBytes(16).toString("hex")}`;
  const admin = { email: "bench-admin@subdesk.bench", password: randomBytes(18).toString("base64url") };
  const simulator = spawnLogged(path.join(ROOT, "node_modules", ".bin", "tsx"), ["lib/sim/main.ts"], {
    env: {
      ...scrubbedEnv(),
      SIM_PORT: String(simPort),
      SIM_API_KEY: simKey,
      SIM_SEED_USERS: String(options.users),
    },
    logFile: paths.serverLog.replace(/\.log$/, "-sim.log"),
  });
  let server;
  try {
    const seedStarted = performance.now();
    await waitForUrl(`http://127.0.0.1:${simPort}/v2/organizations/users?page[size]=1`, simulator);
    const seedMs = performance.now() - seedStarted;
    mkdirSync(paths.dataDir, { recursive: true });
    server = spawnLogged(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(port)], {
      env: {
        ...scrubbedEnv(),
        NODE_ENV: "production",
        DATA_DIR: paths.dataDir,
        // Live mode: a key and a base URL; plain http is allowed to 127.0.0.1 only.
        TELNYX_API_KEY: simKey,
        TELNYX_BASE_URL: `http://127.0.0.1:${simPort}/v2`,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: baseUrl,
        SUBDESK_BOOTSTRAP_ADMIN_EMAIL: admin.email,
        SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      },
      logFile: paths.serverLog,
    });
    await waitForHealth(server);
    const browser = new Browser(baseUrl);
    await browser.signIn(admin.email, admin.password);
    await warmUp(browser);
    const simulatorBefore = groupRssBytes(simulator.pid);
    const result = await downloadTwice(browser, server.pid);
    return {
      name: "separate",
      includes: `the console alone, live mode (process group: ${describeGroup(server.pid)}); the simulator runs apart (RSS ${(simulatorBefore / MB).toFixed(0)} MB holding ${options.users} users)`,
      seedMs,
      log: paths.serverLog,
      ...result,
    };
  } finally {
    await stopTestServer(server);
    await stopTestServer(simulator);
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
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const reason = staleBuildReason();
  if (reason && !(options.skipBuild && reason !== "no .next/BUILD_ID")) {
    console.log(`[bench] next build (${reason})`);
    if (!buildApp()) throw new Error("next build failed");
  }
  const modes = options.mode === "both" ? ["separate", "embedded"] : [options.mode];
  let isOnTarget = true;
  for (const mode of modes) {
    await assertPortsFree();
    console.log(
      `[bench] ${mode}: ${options.users.toLocaleString("en")} users, ports ${JSON.stringify(testServerAddress())}`,
    );
    // Timings on a shared machine depend on what else runs: say how busy it was.
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`[bench] load average before: ${load} (${availableParallelism()} cores)`);
    const result = mode === "separate" ? await runSeparate(options) : await runEmbedded(options);
    isOnTarget = printResult(result) && isOnTarget;
  }
  process.exitCode = isOnTarget ? 0 : 1;
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
