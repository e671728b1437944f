import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cleanEnv, ownDataDir, runUntilExit, sparePort, type OwnServerOptions } from "../support/own-server";

// A console whose database is unusable at start must say which one and why, and exit non-zero so its
// supervisor restarts it, rather than keep running and answer 500 to everything (/api/health included).

function options(name: string, env: Record<string, string> = {}): OwnServerOptions & { dataDir: string } {
  const dataDir = ownDataDir(name);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: sparePort(0),
    dataDir,
    // Beside the data directory, which may be read-only to the server.
    logFile: `${dataDir}.log`,
    env: { ...cleanEnv(), SIM_PORT: String(sparePort(1)), DEMO_PASSWORD: "start-failure-pass", ...env },
    timeoutMs: 30_000,
  };
}

/** Root ignores file modes: as root the server runs as `nobody`, for whom a root-owned 0755 directory is read-only. */
function readOnlyFor(dataDir: string): OwnServerOptions["user"] {
  if (process.getuid?.() !== 0) {
    chmodSync(dataDir, 0o555);
    return undefined;
  }
  chmodSync(dataDir, 0o755);
  const root = path.resolve(__dirname, "../..");
  try {
    execFileSync("runuser", ["-u", "nobody", "--", "test", "-r", path.join(root, "package.json")]);
  } catch {
    throw new Error(
      `As root this test runs the server as nobody, who cannot read ${root}: check it out elsewhere.`,
    );
  }
  const id = (flag: string) => Number(execFileSync("id", [flag, "nobody"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

describe("a console that cannot open its database at start", () => {
  it("exits non-zero on a read-only data directory, naming the PGlite path and the cause", async () => {
    const run = options("read-only", { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") });
    const result = await runUntilExit({ ...run, user: readOnlyFor(run.dataDir) });
    chmodSync(run.dataDir, 0o755);
    expect(result.code, result.log).toBe(1);
    expect(result.log).toContain(`PGlite at ${path.join(run.dataDir, "pglite")}`);
    expect(result.log).toMatch(/EACCES|permission denied/i);
  }, 40_000);

  it("exits non-zero on a corrupt PGlite directory, with PostgreSQL's own reason", async () => {
    const run = options("corrupt");
    const directory = path.join(run.dataDir, "pglite");
    mkdirSync(path.join(directory, "global"), { recursive: true });
    writeFileSync(path.join(directory, "PG_VERSION"), "18\n");
    writeFileSync(path.join(directory, "global", "pg_control"), randomBytes(512));
    const result = await runUntilExit(run);
    expect(result.code, result.log).toBe(1);
    expect(result.log).toContain(`PGlite at ${directory}`);
    // More than PGlite's bare "failed to initialize properly": the embedded server's complaint.
    expect(result.log).toMatch(/failed to initialize properly: \S/);
  }, 40_000);

  it("exits non-zero on an unreachable DATABASE_URL, naming host:port/database, never the password", async () => {
    const password = `pw-${randomBytes(8).toString("hex")}`;
    // A spare port nothing listens on: the connection is refused.
    const url = `postgres://subdesk:${password}@127.0.0.1:${sparePort(7)}/subdesk_missing`;
    const result = await runUntilExit(options("unreachable", { DATABASE_URL: url }));
    expect(result.code, result.log).toBe(1);
    expect(result.log).toContain(`PostgreSQL at 127.0.0.1:${sparePort(7)}/subdesk_missing`);
    expect(result.log).toContain("ECONNREFUSED");
    expect(result.log).not.toContain(password);
  }, 40_000);
});
