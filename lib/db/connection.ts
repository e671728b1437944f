// Opens one database, PGlite or PostgreSQL, migrated and ready; callers never see which driver it is.
import "server-only";
import { accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool, type PoolClient } from "pg";
import { log } from "@/lib/log";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseDriver = "pglite" | "postgres";

export type DatabaseOptions =
  | { url: string }
  /** The app's data directory; the PGlite files live in `<dataDir>/pglite`. */
  | { dataDir: string }
  | { memory: true };

export interface DatabaseHandle {
  db: Db;
  driver: DatabaseDriver;
  close(): Promise<void>;
  /** Raw SQL on the same connection(s), for pg-boss (lib/jobs/boss.ts): text without values may hold several statements. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /**
   * Runs start-up schema work (our migrations, pg-boss's own) one instance at a time: several instances
   * started together on one empty PostgreSQL would otherwise race to create the same schema objects.
   */
  serializeStartup<T>(work: () => Promise<T>): Promise<T>;
}

// Next runs from the repository root, and so do npm scripts and Vitest: the SQL ships beside the schema.
function migrationsFolder(): string {
  return process.env.SUBDESK_MIGRATIONS_DIR ?? path.join(process.cwd(), "lib", "db", "migrations");
}

// Any fixed 64-bit number shared by every instance: serialises start-up schema work across a fleet.
const STARTUP_LOCK_KEY = 727_401_113;

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR ?? ".data" };
}

/** Where the database is, for start-up logs: the PGlite path, or PostgreSQL's host:port/database (never a password). */
export function describeDatabase(options: DatabaseOptions): string {
  if ("memory" in options) return "PGlite in memory";
  if ("dataDir" in options) return `PGlite at ${path.resolve(options.dataDir, "pglite")}`;
  try {
    const url = new URL(options.url);
    const host = url.hostname || process.env.PGHOST || "localhost";
    const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(default database)";
    return `PostgreSQL at ${host}:${url.port || "5432"}/${database}`;
  } catch {
    return "PostgreSQL at (DATABASE_URL is not a valid URL)";
  }
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ("url" in options) return openPostgres(options.url);
  const client = "dataDir" in options ? await openPgliteDirectory(options.dataDir) : await PGlite.create();
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: migrationsFolder() });
  } catch (error) {
    await client.close();
    throw error;
  }
  const executeSql = async (text: string, values?: unknown[]) =>
    values?.length
      ? client.query(text, values)
      : ((await client.exec(text)).at(-1) ?? { rows: [] as unknown[] });
  // One PGlite directory belongs to one process: nothing to serialise with.
  return {
    db: db as unknown as Db,
    driver: "pglite",
    close: () => client.close(),
    executeSql,
    serializeStartup: (work) => work(),
  };
}

// PostgreSQL's default 128 MB of shared buffers lives inside PGlite's WASM memory, which never shrinks: a
// console's tables fit in far less, and the files are still in the OS page cache. 16 MB took the server's
// idle RSS down by about 140 MB (npm run bench).
const pgliteSettings = ["shared_buffers=16MB"];

/**
 * PGlite's own error for an unusable directory is only "failed to initialize properly"; the reason
 * (permissions, a damaged or foreign cluster) is on the embedded server's stderr, so it is kept and
 * attached as the cause.
 */
async function openPgliteDirectory(dataDir: string): Promise<PGlite> {
  const directory = path.resolve(dataDir, "pglite");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  accessSync(directory, constants.R_OK | constants.W_OK);
  const stderr: string[] = [];
  try {
    return await PGlite.create(directory, {
      postgresqlconf: pgliteSettings,
      onStderr: (line) => {
        stderr.push(line);
        if (stderr.length > 20) stderr.shift();
        return false;
      },
    });
  } catch (error) {
    const detail = stderr.filter((line) => /FATAL|PANIC|ERROR|could not|invalid|denied/i.test(line));
    if (detail.length === 0) throw error;
    throw new Error((error as Error).message, { cause: new Error(detail.slice(-3).join("; ")) });
  }
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // A server that is down or unreachable must fail a request in seconds (answered 503), not hang it.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000),
  });
  // An idle client whose server went away emits "error" on the pool; unheard, Node would end the process.
  // The pool drops that client and opens a fresh one on the next query, which is how we recover.
  pool.on("error", (error) => {
    log.error("database connection lost", { database: describeDatabase({ url }), detail: error.message });
  });
  // A session-level lock on a connection of its own: the work may use any connection of the pool.
  const serializeStartup = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
      return await work(client);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]).catch(() => {});
      client.release();
    }
  };
  try {
    await serializeStartup((client) =>
      migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder() }),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema });
  const executeSql = (text: string, values?: unknown[]) => pool.query(text, values);
  return {
    db: db as unknown as Db,
    driver: "postgres",
    close: () => pool.end(),
    executeSql,
    serializeStartup: (work) => serializeStartup(() => work()),
  };
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

// What a lost or refused connection looks like from node-postgres: a socket error code, a SQLSTATE of
// class 08 (connection exception) or a server shutting down or starting, or pg's own uncoded messages.
const unreachableSocketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
]);
const unavailableSqlStates = new Set(["57P01", "57P02", "57P03", "53300"]);
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed/i;

/** Whether an error (or one it wraps: drizzle wraps the driver's) means the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string") {
      if (unreachableSocketCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith("08"))
        return true;
    }
    if (typeof message === "string" && unavailableMessages.test(message)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isDatabaseUnavailable(inner)))
      return true;
    current = cause;
  }
  return false;
}
