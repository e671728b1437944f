import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBootstrapAdmin, ensureDemoStaff } from "@/lib/auth/demo-staff";
import { verifyPassword } from "@/lib/auth/password";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { createDatabase, type DatabaseHandle } from "@/lib/db/connection";
import { findStaffByEmail, listStaff } from "@/lib/db/staff";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("auth secret", () => {
  it("refuses live mode without a long NEXTAUTH_SECRET", () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    expect(() =>
      resolveAuthSecret("live", { dataDir: mkdtempSync(path.join(tmpdir(), "subdesk-")) }),
    ).toThrow(/NEXTAUTH_SECRET/);
    process.env.NEXTAUTH_SECRET = "short";
    expect(() => resolveAuthSecret("live")).toThrow(/NEXTAUTH_SECRET/);
    process.env.NEXTAUTH_SECRET = "s".repeat(32);
    expect(resolveAuthSecret("live")).toBe("s".repeat(32));
  });

  it("generates one secret once in embedded mode, kept 0600 under the data directory", () => {
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    delete process.env.NEXTAUTH_URL;
    process.env.PORT = "4123";
    const dataDir = mkdtempSync(path.join(tmpdir(), "subdesk-"));
    const first = resolveAuthSecret("embedded", { dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(process.env.NEXTAUTH_SECRET).toBe(first);
    expect(process.env.NEXTAUTH_URL).toBe("http://localhost:4123");
    expect(statSync(path.join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    delete process.env.NEXTAUTH_SECRET;
    expect(resolveAuthSecret("embedded", { dataDir })).toBe(first);
  });
});

describe("demo staff and bootstrap admin", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createDatabase({ memory: true });
  }, 120_000);
  afterAll(() => handle.close());

  it("creates the bootstrap admin only while no staff exists", async () => {
    process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "First@Example.test";
    process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD = "first admin password";
    expect(await ensureBootstrapAdmin({ db: handle.db })).toBe("first@example.test");
    process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL = "second@example.test";
    expect(await ensureBootstrapAdmin({ db: handle.db })).toBeNull();
  });

  it("seeds three demo people once, with generated passwords written 0600", async () => {
    delete process.env.DEMO_PASSWORD;
    const dataDir = mkdtempSync(path.join(tmpdir(), "subdesk-"));
    const credentials = await ensureDemoStaff({ db: handle.db, dataDir });
    expect(credentials.map((entry) => [entry.email, entry.role])).toEqual([
      ["admin@subdesk.test", "admin"],
      ["support@subdesk.test", "support"],
      ["viewer@subdesk.test", "viewer"],
    ]);
    const file = path.join(dataDir, "demo-credentials.txt");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain(credentials[0]!.password);
    const admin = await findStaffByEmail("admin@subdesk.test", handle.db);
    expect(await verifyPassword(credentials[0]!.password, admin!.passwordHash)).toBe(true);

    const again = await ensureDemoStaff({ db: handle.db, dataDir });
    expect(again).toEqual(credentials);
    expect((await listStaff(handle.db)).length).toBe(4);
  });
});
