// The process-wide database. Next bundles instrumentation.ts and each route handler separately, each with
// its own copy of this module, so the one open handle lives on globalThis under a registry symbol.
import "server-only";
import {
  createDatabase,
  databaseOptionsFromEnv,
  pingDatabase,
  type DatabaseDriver,
  type DatabaseHandle,
  type DatabaseOptions,
  type Db,
} from "./connection";
import { pruneSignInFailures, SIGN_IN_WINDOW_MS, STALE_PENDING_MS, sweepStalePending } from "./maintenance";

const HANDLE_KEY = Symbol.for("subdesk.database");

type Registry = typeof globalThis & { [HANDLE_KEY]?: Promise<DatabaseHandle> };
const registry = globalThis as Registry;

/**
 * Opens (once per process) and migrates the database: PostgreSQL when DATABASE_URL is set, otherwise
 * PGlite under `${DATA_DIR ?? ".data"}/pglite`. Later calls return the same handle.
 */
export function openDatabase(options?: DatabaseOptions): Promise<DatabaseHandle> {
  let pending = registry[HANDLE_KEY];
  if (!pending) {
    pending = createDatabase(options ?? databaseOptionsFromEnv()).then(async (handle) => {
      // A crash between intent and outcome shows as "unknown" from the first screen after a restart. With
      // PostgreSQL other instances may be mid-call, so only rows older than the threshold are theirs to
      // lose; a PGlite directory belongs to this one process, so every pending row in it was left by a
      // process that is gone.
      await sweepStalePending(handle.db, handle.driver === "pglite" ? 0 : STALE_PENDING_MS);
      await pruneSignInFailures(handle.db, SIGN_IN_WINDOW_MS);
      return handle;
    });
    registry[HANDLE_KEY] = pending;
    // A failed open must not stick: the next caller gets a fresh attempt and the real error.
    pending.catch(() => {
      if (registry[HANDLE_KEY] === pending) delete registry[HANDLE_KEY];
    });
  }
  return pending;
}

/** The drizzle instance; opens the database if start-up has not (yet) done so, and waits for it. */
export async function getDb(): Promise<Db> {
  try {
    return (await openDatabase()).db;
  } catch (error) {
    throw new Error(`The database could not be opened: ${(error as Error).message}`, { cause: error });
  }
}

export interface DatabaseHealth {
  ok: boolean;
  status: "up" | "down";
  driver: DatabaseDriver;
}

/** One cheap query on the open handle: the pg pool reconnects by itself, so "down" ends when the server returns. */
export async function databaseHealth(): Promise<DatabaseHealth> {
  const driver: DatabaseDriver = process.env.DATABASE_URL ? "postgres" : "pglite";
  let ok = false;
  try {
    ok = await pingDatabase((await openDatabase()).db);
  } catch {
    ok = false;
  }
  return { ok, status: ok ? "up" : "down", driver };
}

/** For shutdown and tests: closes the process-wide handle so the PGlite directory is released. */
export async function closeDatabase(): Promise<void> {
  const pending = registry[HANDLE_KEY];
  delete registry[HANDLE_KEY];
  if (pending) await (await pending.catch(() => null))?.close();
}

export type { Db, DatabaseDriver, DatabaseHandle, DatabaseOptions };
