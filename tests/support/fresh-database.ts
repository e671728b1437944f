import { Client } from "pg";

// A PostgreSQL database of a test's own, created empty on the server TEST_DATABASE_URL points at (its role
// needs CREATEDB: .ci/run grants it) and dropped afterwards, so a start-up really meets an empty database.

export interface FreshDatabase {
  name: string;
  /** The same server and credentials as the base URL, pointed at the new database. */
  url: string;
  drop(): Promise<void>;
}

async function run(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createFreshDatabase(baseUrl: string, prefix: string): Promise<FreshDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = `${prefix}_${stamp}_${Math.random().toString(36).slice(2, 8)}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  try {
    await run(baseUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    throw new Error(
      `Could not create database ${name} on ${new URL(baseUrl).host} (${String(error)}). ` +
        "The TEST_DATABASE_URL role needs CREATEDB: ALTER ROLE subdesk_test CREATEDB (see .ci/run).",
    );
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // FORCE ends connections a killed server may have left behind.
    drop: () => run(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
