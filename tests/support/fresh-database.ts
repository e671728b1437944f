import { Client } from "pg";

// A PostgreSQL database of a test's own, created empty on the server TEST_DATABASE_URL points at (its role
// needs CREATEDB: .ci/run grants it) and dropped afterwards, so a start-up really meets an empty database.

export interface FreshDatabase {
  name: string;
  /** The same server and credentials as the base URL, pointed at the new database. */
  url: string;
  /** One query on the new database, for checks on what the servers wrote. */
  query<Row>(sql: string): Promise<Row[]>;
  drop(): Promise<void>;
}

/** One statement on a connection of its own, closed at once: a test runs a handful, no pool to end. */
export async function runSql<Row>(connectionString: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Row[];
  } finally {
    await client.end();
  }
}

const stampOf = (date: Date) => date.toISOString().replace(/\D/g, "").slice(0, 14);

/** A run killed before its drop leaves its database behind: remove those over an hour old. */
async function dropLeftovers(baseUrl: string, prefix: string): Promise<void> {
  const cutoff = stampOf(new Date(Date.now() - 60 * 60 * 1000));
  const rows = await runSql<{ datname: string }>(
    baseUrl,
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}\\_%'`,
  );
  for (const { datname } of rows) {
    const stamp = datname.slice(prefix.length + 1, prefix.length + 15);
    if (/^\d{14}$/.test(stamp) && stamp < cutoff) {
      await runSql(baseUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

export async function createFreshDatabase(baseUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${stampOf(new Date())}_${Math.random().toString(36).slice(2, 8)}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  try {
    await dropLeftovers(baseUrl, prefix);
    await runSql(baseUrl, `CREATE DATABASE ${name}`);
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
    query: (sql) => runSql(url.toString(), sql),
    // FORCE ends connections a killed server may have left behind.
    drop: async () => {
      await runSql(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
