import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import path from "node:path";
import { ApiClient, postCredentials } from "./api-client";

// A second app server of a test's own (the crash and canary tests kill it or run it in live mode), started
// like scripts/lib/test-server.mjs starts the shared one: the built app, `next start`, its own process
// group, its own data directory and ports next to the suite's.

const ROOT = path.resolve(__dirname, "../..");
// Not scripts/lib/start-env.mjs's nextStartCommand: Playwright loads this file (through the e2e specs) as
// CommonJS, which cannot import an ES module. These servers are for crashes and modes, not for figures.
const NEXT_BIN = path.join(ROOT, "node_modules", ".bin", "next");

/** Ports beyond the suite's own pair (TEST_PORT, TEST_SIM_PORT): n = 0, 1, 2… */
export function sparePort(n: number): number {
  return Number(process.env.TEST_PORT ?? 3917) + 2 + n;
}

export function ownDataDir(name: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  // The "run-" prefix lets scripts/test.mjs prune it with the suite's own old runs.
  return path.join(ROOT, ".test-data", `run-${stamp}-${name}`);
}

/** The suite's environment minus anything that would pick a mode or reach a real upstream. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(TELNYX_|SIM_|SUBDESK_|NEXTAUTH_|AUTH_)/.test(name)) delete env[name];
    if (["DATABASE_URL", "DEMO_PASSWORD", "BASE_URL", "SIM_URL", "SERVER_LOG", "PORT"].includes(name))
      delete env[name];
  }
  return env;
}

export interface OwnServer {
  baseUrl: string;
  logFile: string;
  child: ChildProcess;
  exited: Promise<void>;
  /** How the process ended: an exit code, or the signal that ended it. */
  exitStatus: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
  client(): ApiClient;
}

export interface OwnServerOptions {
  port: number;
  dataDir: string;
  logFile: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Runs the server as this user (root only): how a test makes a directory read-only to it. */
  user?: { uid: number; gid: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns `next start` without waiting for it; startOwnServer waits until it is healthy. */
export function spawnOwnServer(options: OwnServerOptions): OwnServer {
  mkdirSync(options.dataDir, { recursive: true });
  const logFd = openSync(options.logFile, "a");
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const child = spawn(NEXT_BIN, ["start", "-H", "127.0.0.1", "-p", String(options.port)], {
    cwd: ROOT,
    env: {
      // As `npm start` runs it: the console, not Next, handles SIGTERM (lib/shutdown.ts).
      NEXT_MANUAL_SIG_HANDLE: "true",
      // No scheduled balance refresh reading the fleet behind a test (a test may turn it on).
      SUBDESK_BALANCE_REFRESH_MINUTES: "0",
      // Live-mode servers sign in as their bootstrap admin with a password alone (a test may require MFA).
      SUBDESK_REQUIRE_MFA: "none",
      // Older tests remove users and run large jobs directly; the approval tests turn the policy on.
      SUBDESK_APPROVAL_POLICY: "none",
      ...options.env,
      NODE_ENV: "production",
      DATA_DIR: options.dataDir,
      NEXTAUTH_URL: baseUrl,
    },
    stdio: ["ignore", logFd, logFd],
    detached: true,
    ...(options.user ?? {}),
  });
  closeSync(logFd);
  const exitStatus = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    baseUrl,
    logFile: options.logFile,
    child,
    exited: exitStatus.then(() => undefined),
    exitStatus,
    log: () => readFileSync(options.logFile, "utf8"),
    client: () => new ApiClient(undefined, baseUrl),
  };
}

export async function startOwnServer(options: OwnServerOptions): Promise<OwnServer> {
  const server = spawnOwnServer(options);
  let hasExited = false;
  void server.exited.then(() => (hasExited = true));
  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`Own server exited early; log:\n${server.log().slice(-3000)}`);
    try {
      const response = await fetch(`${server.baseUrl}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(300);
  }
  await stopOwnServer(server, "SIGKILL");
  throw new Error(
    `Own server on ${server.baseUrl} did not become healthy; log:\n${server.log().slice(-3000)}`,
  );
}

/** For a server that must refuse to start: waits for it to exit (killing it after the limit). */
export async function runUntilExit(
  options: OwnServerOptions,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }> {
  const server = spawnOwnServer(options);
  const timer = setTimeout(() => void stopOwnServer(server, "SIGKILL"), options.timeoutMs ?? 60_000);
  const status = await server.exitStatus;
  clearTimeout(timer);
  return { ...status, log: server.log() };
}

/** Signals the server's whole process group (kill -9 with "SIGKILL") and waits until it is gone. */
export async function stopOwnServer(server: OwnServer | undefined, signal: NodeJS.Signals = "SIGTERM") {
  if (!server?.child.pid) return;
  try {
    process.kill(-server.child.pid, signal);
  } catch {
    // Already gone.
  }
  await Promise.race([server.exited, sleep(5_000)]);
  try {
    process.kill(-server.child.pid, "SIGKILL");
  } catch {
    // Already gone.
  }
  await server.exited;
}

/** Signs in with email and password on any server and checks the session really exists. */
export async function signInAs(client: ApiClient, email: string, password: string): Promise<ApiClient> {
  const answer = await postCredentials(client, email, password);
  const session = (await client.getJson<{ user?: { email?: string } } | null>("/api/auth/session")) ?? {};
  if (session.user?.email !== email) {
    throw new Error(`Sign-in as ${email} failed (callback answered ${answer.status})`);
  }
  return client;
}
