import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureBootstrapAdmin } from "@/lib/auth/demo-staff";
import { createDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { listStaff } from "@/lib/db/staff";
import { createFreshDatabase } from "../../support/fresh-database";

// Several instances of a fleet start at the same moment on one empty database, each with the bootstrap
// variables: every one must come up, and exactly one admin must exist afterwards. (The same race across
// processes on PostgreSQL is tests/api/start-bootstrap.test.ts.)

const saved = { ...process.env };
let handle: DatabaseHandle;

afterEach(() => {
  process.env = { ...saved };
});

describe("ensureBootstrapAdmin on an empty database", () => {
  beforeEach(async () => {
    handle = await createDatabase({ memory: true });
  }, 120_000);
  afterEach(() => handle.close());

  it("creates one admin when several starts race, and none of them fails", async () => {
    process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "first-admin@example.test";
    process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD = "first admin password";
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => ensureBootstrapAdmin({ db: handle.db })),
    );
    expect(results.map((result) => result.status)).toEqual(Array(4).fill("fulfilled"));
    const created = results.map((result) => (result.status === "fulfilled" ? result.value : "failed"));
    expect(created.filter((email) => email === "first-admin@example.test")).toHaveLength(1);
    expect(created.filter((email) => email === null)).toHaveLength(3);
    const people = await listStaff(handle.db);
    expect(people.map((person) => [person.email, person.role])).toEqual([
      ["first-admin@example.test", "admin"],
    ]);
  });

  it("keeps to one admin when two starts name different people (a half-rolled-out config change)", async () => {
    process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD = "first admin password";
    process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "one@example.test";
    const first = ensureBootstrapAdmin({ db: handle.db });
    process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "two@example.test";
    const second = ensureBootstrapAdmin({ db: handle.db });
    const created = await Promise.all([first, second]);
    expect(created.filter((email) => email !== null)).toHaveLength(1);
    expect(await listStaff(handle.db)).toHaveLength(1);
  });
});

// Separate pools on one fresh PostgreSQL database, as separate instances would have (CI sets the URL).
const postgresUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!postgresUrl)("ensureBootstrapAdmin on an empty PostgreSQL database [PostgreSQL]", () => {
  it("creates one admin when several instances race, and none of them fails", async () => {
    const database = await createFreshDatabase(postgresUrl!, "subdesk_bootstrap");
    const handles: DatabaseHandle[] = [];
    try {
      for (let n = 0; n < 3; n++) handles.push(await createDatabase({ url: database.url }));
      process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "fleet-admin@example.test";
      process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD = "fleet admin password";
      const results = await Promise.allSettled(handles.map((each) => ensureBootstrapAdmin({ db: each.db })));
      expect(results.map((result) => result.status)).toEqual(Array(3).fill("fulfilled"));
      expect(await database.query("select email, role from staff")).toEqual([
        { email: "fleet-admin@example.test", role: "admin" },
      ]);
    } finally {
      await Promise.all(handles.map((each) => each.close()));
      await database.drop();
    }
  }, 60_000);
});
