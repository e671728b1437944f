import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureBootstrapAdmin } from "@/lib/auth/demo-staff";
import { createDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { listStaff } from "@/lib/db/staff";

// Several instances of a fleet start at the same moment on one empty database, each with the bootstrap
// variables: every one must come up, and exactly one admin must exist afterwards. (The same race across
// processes on PostgreSQL is tests/api/start-bootstrap.test.ts.)

const saved = { ...process.env };
let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await createDatabase({ memory: true });
}, 120_000);

afterEach(async () => {
  process.env = { ...saved };
  await handle.close();
});

describe("ensureBootstrapAdmin on an empty database", () => {
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
