// Shared by the benchmark scripts (bench:report, bench:export): the server's memory read from /proc, a
// cookie-keeping client that signs in like a browser, and processes started with their output in a log.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { buildApp, staleBuildReason } from "./build.mjs";
import { ROOT, TEST_DATA_DIR } from "./paths.mjs";
import { nextStartCommand, startScriptEnv } from "./start-env.mjs";
import {
  runPaths,
  runStamp,
  scrubbedEnv,
  stopTestServer,
  testServerAddress,
  waitForHealth,
} from "./test-server.mjs";

export const SAMPLE_EVERY_MS = 25;
export const MB = 1024 * 1024;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

export function groupRssBytes(groupId) {
  return processGroupPids(groupId).reduce((sum, pid) => sum + statusKb(pid, "VmRSS") * 1024, 0);
}

export function describeGroup(groupId) {
  return processGroupPids(groupId)
    .map((pid) => {
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
      return `${pid} ${path.basename(command[0] ?? "?")} ${command.slice(1, 3).join(" ")}`.trim();
    })
    .join("; ");
}

/** Samples the group's RSS until stopped; answers the peak seen. */
export function startSampling(groupId) {
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

export class Browser {
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

export function spawnLogged(command, args, { env, logFile }) {
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

export async function waitForUrl(url, child, timeoutMs = 120_000) {
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

/**
 * Reads a CSV download as it arrives, keeping only counts (the client must not be what holds the file),
 * while sampling the server group's memory.
 */
export async function downloadCsv(browser, groupId, route) {
  const baseline = groupRssBytes(groupId);
  const stopSampling = startSampling(groupId);
  const startedAt = performance.now();
  const response = await browser.request("GET", route);
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
 * `startSeparate`'s simulator for the fleet benches: `accounts` seeded accounts, its controls on, and
 * Telnyx's rate limit enforced at `rps` requests a second when given.
 */
export function fleetSimulator({ accounts, rps }) {
  return {
    simEnv: {
      SIM_SEED_ACCOUNTS: String(accounts),
      SIM_CONTROL: "1",
      ...(rps === undefined ? {} : { SIM_RATE_LIMIT_RPS: String(rps) }),
    },
    readyPath: "/managed_accounts?page[size]=1",
  };
}

/**
 * The honest set-up for the console's own figures: `npm run sim` in its own process (seeded by `simEnv`),
 * and the console in live mode pointed at it (TELNYX_BASE_URL, plus `serverEnv`), signed in as a bootstrap
 * admin. The console's process group then holds only the console. `readyPath` is a cheap simulator read
 * (under /v2) that answers once seeding is done. `killConsole()` (kill -9) and `startConsole()` restart the
 * console on the same data while the simulator lives on; `sim()` drives its /__sim controls. Call `stop()`
 * when finished.
 */
export async function startSeparate({ name, simEnv, readyPath, serverEnv = {} }) {
  const { port, simPort, baseUrl } = testServerAddress();
  const paths = runPaths(`${name}-${runStamp()}`);
  const simKey = `KEYBENCH${randomBytes(16).toString("hex")}`;
  const simUrl = `http://127.0.0.1:${simPort}/v2`;
  const simBase = `http://127.0.0.1:${simPort}`;
  const admin = { email: "bench-admin@subdesk.bench", password: randomBytes(18).toString("base64url") };
  const simulator = spawnLogged(path.join(ROOT, "node_modules", ".bin", "tsx"), ["lib/sim/main.ts"], {
    env: { ...scrubbedEnv(), SIM_PORT: String(simPort), SIM_API_KEY: simKey, ...simEnv },
    logFile: paths.serverLog.replace(/\.log$/, "-sim.log"),
  });
  const consoleEnv = {
    ...scrubbedEnv(),
    NODE_ENV: "production",
    // As `npm start` runs it (start-env.mjs): SIGTERM drains and closes the database (lib/shutdown.ts); the
    // allocator's settings, which the memory figures depend on.
    ...startScriptEnv(),
    DATA_DIR: paths.dataDir,
    // Live mode: a key and a base URL; plain http is allowed to 127.0.0.1 only.
    TELNYX_API_KEY: simKey,
    TELNYX_BASE_URL: simUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseUrl,
    SUBDESK_BOOTSTRAP_ADMIN_EMAIL: admin.email,
    SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: admin.password,
    ...serverEnv,
  };
  const setup = { simulator, server: undefined, browser: undefined, simKey, simUrl, baseUrl, paths };
  setup.startConsole = async () => {
    const { command, args } = nextStartCommand(port);
    setup.server = spawnLogged(command, args, {
      env: consoleEnv,
      logFile: paths.serverLog,
    });
    await waitForHealth(setup.server);
    setup.browser = new Browser(baseUrl);
    await setup.browser.signIn(admin.email, admin.password);
  };
  setup.killConsole = async () => {
    process.kill(-setup.server.pid, "SIGKILL");
    await setup.server.exited;
  };
  setup.stop = async () => {
    await stopTestServer(setup.server);
    await stopTestServer(simulator);
  };
  setup.sim = async (method, route, body) => {
    const response = await fetch(`${simBase}/__sim${route}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} /__sim${route} answered ${response.status}`);
    return response.json();
  };
  /** A JSON call as the signed-in admin (same-origin for mutations); throws on an error answer. */
  setup.api = async (method, route, body) => {
    const response = await setup.browser.request(method, route, {
      body: body ? JSON.stringify(body) : undefined,
      headers: body ? { "Content-Type": "application/json", Origin: baseUrl } : {},
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  try {
    const seedStarted = performance.now();
    await waitForUrl(`${simUrl}${readyPath}`, simulator);
    setup.seedMs = performance.now() - seedStarted;
    mkdirSync(paths.dataDir, { recursive: true });
    await setup.startConsole();
    return setup;
  } catch (error) {
    await setup.stop();
    throw error;
  }
}

/** Builds the app when it is stale (with --skip-build, only when there is no build at all). */
export function ensureBuilt(skipBuild) {
  mkdirSync(TEST_DATA_DIR, { recursive: true });
  const reason = staleBuildReason();
  if (reason && !(skipBuild && reason !== "no .next/BUILD_ID")) {
    console.log(`[bench] next build (${reason})`);
    if (!buildApp()) throw new Error("next build failed");
  }
}

/** Timings on a shared machine depend on what else runs: say how busy it was. */
export function printLoad() {
  const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  console.log(`[bench] load average before: ${load} (${availableParallelism()} cores)`);
}
