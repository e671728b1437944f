// Runs a suite once per database: PGlite in memory always, PostgreSQL when TEST_DATABASE_URL is set.
// The PostgreSQL database is shared by every file (and survives runs), so tests use unique names.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe } from "vitest";
import { createDatabase, type DatabaseHandle, type Db } from "@/lib/db/connection";

const postgresUrl = process.env.TEST_DATABASE_URL;

export interface DatabaseTarget {
  /** The drizzle instance, available inside tests (after beforeAll). */
  db(): Db;
  driver: "pglite" | "postgres";
  /** Whether this database starts empty for this file (PGlite) or is shared (PostgreSQL). */
  fresh: boolean;
}

export function describeEachDatabase(title: string, suite: (target: DatabaseTarget) => void): void {
  const variants = [
    { name: "PGlite", driver: "pglite" as const, skip: false, open: () => createDatabase({ memory: true }) },
    {
      name: postgresUrl ? "PostgreSQL" : "PostgreSQL (skipped: TEST_DATABASE_URL is not set)",
      driver: "postgres" as const,
      skip: !postgresUrl,
      open: () => createDatabase({ url: postgresUrl ?? "" }),
    },
  ];
  for (const variant of variants) {
    describe.skipIf(variant.skip)(`${title} [${variant.name}]`, () => {
      let handle: DatabaseHandle | undefined;
      // PGlite compiles its WASM and initialises a cluster per instance: slow on a busy two-core machine.
      beforeAll(async () => {
        handle = await variant.open();
      }, 120_000);
      afterAll(async () => {
        await handle?.close();
      });
      suite({
        db: () => {
          if (!handle) throw new Error("The database is not open yet.");
          return handle.db;
        },
        driver: variant.driver,
        fresh: variant.driver === "pglite",
      });
    });
  }
}

/** A unique, valid email for this run. */
export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}
