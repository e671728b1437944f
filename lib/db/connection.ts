// Opens one database, PGlite or PostgreSQL, migrated and ready; callers never see which driver it is.
import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { Pool } from "pg";
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
}

// Next runs from the repository root, and so do npm scripts and Vitest: the SQL ships beside the schema.
function migrationsFolder(): string {
  return process.env.SUBDESK_MIGRATIONS_DIR ?? path.join(process.cwd(), "lib", "db", "migrations");
}

// Any fixed 64-bit number shared by every instance: serialises migrations across a load-balanced fleet.
const MIGRATION_LOCK_KEY = 727_401_113;

export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: env.DATA_DIR ?? ".data" };
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ("url" in options) return openPostgres(options.url);
  const client =
    "dataDir" in options ? await PGlite.create(pgliteDirectory(options.dataDir)) : await PGlite.create();
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: migrationsFolder() });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as Db, driver: "pglite", close: () => client.close() };
}

function pgliteDirectory(dataDir: string): string {
  const directory = path.resolve(dataDir, "pglite");
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return directory;
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  try {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder() });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema });
  return { db: db as unknown as Db, driver: "postgres", close: () => pool.end() };
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
