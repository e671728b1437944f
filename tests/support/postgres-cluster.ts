import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runSql } from "./fresh-database";

// A throwaway PostgreSQL cluster of a test's own, which the test may stop and start again (the shared
// server on 5432 must never be disturbed). Uses the server binaries of the machine's PostgreSQL (Debian:
// /usr/lib/postgresql/<major>/bin, or POSTGRES_BIN_DIR); as root the cluster runs as the postgres user,
// since PostgreSQL refuses to run as root.

export interface PostgresCluster {
  /** postgres://subdesk:<password>@127.0.0.1:<port>/subdesk, an empty database. */
  url: string;
  password: string;
  port: number;
  query<Row>(sql: string): Promise<Row[]>;
  /** pg_ctl stop -m fast: every connection is cut, as when the server goes away. */
  stop(): void;
  start(): void;
  destroy(): void;
}

function binDirectory(): string {
  const candidates = process.env.POSTGRES_BIN_DIR
    ? [process.env.POSTGRES_BIN_DIR]
    : existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((major) => path.join("/usr/lib/postgresql", major, "bin"))
      : [];
  const found = candidates.find((directory) => existsSync(path.join(directory, "pg_ctl")));
  if (!found) {
    throw new Error(
      "This test needs the PostgreSQL server binaries (initdb, pg_ctl) to run a cluster of its own: " +
        "install them (Debian: apt-get install postgresql) or set POSTGRES_BIN_DIR.",
    );
  }
  return found;
}

export async function createPostgresCluster(port: number): Promise<PostgresCluster> {
  const bin = binDirectory();
  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? postgresUser() : undefined;
  const directory = mkdtempSync(path.join(tmpdir(), "subdesk-pg-"));
  const dataDir = path.join(directory, "data");
  const password = randomBytes(12).toString("hex");
  writeFileSync(path.join(directory, "pwfile"), `${password}\n`);
  if (owner) {
    chownSync(directory, owner.uid, owner.gid);
    chownSync(path.join(directory, "pwfile"), owner.uid, owner.gid);
  }
  const run = (tool: string, args: string[]) => {
    const command = owner ? "runuser" : path.join(bin, tool);
    const fullArgs = owner ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: "pipe", timeout: 60_000 });
  };
  run("initdb", [
    "-D",
    dataDir,
    "-U",
    "subdesk",
    `--pwfile=${path.join(directory, "pwfile")}`,
    "--auth-local=trust",
    "--auth-host=scram-sha-256",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () =>
    run("pg_ctl", ["-D", dataDir, "-l", path.join(directory, "server.log"), "-o", options, "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  start();
  const adminUrl = `postgres://subdesk:${password}@127.0.0.1:${port}/postgres`;
  const url = `postgres://subdesk:${password}@127.0.0.1:${port}/subdesk`;
  await runSql(adminUrl, "CREATE DATABASE subdesk");
  return {
    url,
    password,
    port,
    query: (sql) => runSql(url, sql),
    stop,
    start,
    destroy() {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error("Running as root, this test needs the postgres user (created by Debian's postgresql).");
  }
}
