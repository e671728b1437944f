// Embedded mode's three demo people, one per role, and live mode's one-time bootstrap admin.
import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { getDb } from "@/lib/db/client";
import { staff } from "@/lib/db/schema";
import { countStaff, insertStaff } from "@/lib/db/staff";
import { demoCredentialsFile } from "./data-dir";
import { hashPassword, passwordProblem } from "./password";
import type { Role } from "./permissions";

export const DEMO_STAFF = [
  { email: "admin@subdesk.test", name: "Ada Admin", role: "admin" },
  { email: "support@subdesk.test", name: "Sam Support", role: "support" },
  { email: "viewer@subdesk.test", name: "Vic Viewer", role: "viewer" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

export interface DemoCredential {
  email: string;
  name: string;
  role: Role;
  password: string;
}

const demoEmails: readonly string[] = DEMO_STAFF.map((person) => person.email);

/** Live mode refuses these at sign-in whatever their password. */
export function isDemoEmail(email: string): boolean {
  return demoEmails.includes(email.trim().toLowerCase());
}

/**
 * Seeds the demo staff once (embedded mode only; start-up decides) and returns their credentials for the
 * start-up log. Passwords come from DEMO_PASSWORD, else are generated and kept in demo-credentials.txt.
 */
export async function ensureDemoStaff(
  options: { db?: Db; dataDir?: string } = {},
): Promise<DemoCredential[]> {
  const database = options.db ?? (await getDb());
  const file = demoCredentialsFile(options.dataDir);
  const existing = await database
    .select({ email: staff.email })
    .from(staff)
    .where(inArray(staff.email, demoEmails));
  if (existing.length > 0) return rememberedCredentials(file);

  const credentials = DEMO_STAFF.map((person) => ({
    ...person,
    password: process.env.DEMO_PASSWORD || randomBytes(12).toString("base64url"),
  }));
  for (const person of credentials) {
    await insertStaff({ ...person, passwordHash: await hashPassword(person.password) }, database);
  }
  if (!process.env.DEMO_PASSWORD) {
    const lines = credentials.map((person) => `${person.role}\t${person.email}\t${person.password}`);
    writeFileSync(file, `# Subdesk demo staff (embedded mode only)\n${lines.join("\n")}\n`, { mode: 0o600 });
  }
  return credentials;
}

function rememberedCredentials(file: string): DemoCredential[] {
  const saved = new Map<string, string>();
  try {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const [, email, password] = line.split("\t");
      if (email && password) saved.set(email, password);
    }
  } catch {
    // No file: the passwords came from DEMO_PASSWORD, or the file was removed.
  }
  const fallback = process.env.DEMO_PASSWORD || "(unchanged; reset with `npm run staff -- reset-password`)";
  return DEMO_STAFF.map((person) => ({ ...person, password: saved.get(person.email) ?? fallback }));
}

// Any fixed number shared by every instance: first starts on one database take turns to seed staff.
const STAFF_SEED_LOCK_KEY = 727_401_114;

/**
 * Runs `seed` in one transaction holding a transaction-level advisory lock, so instances that start
 * together on one empty database take turns: the first seeds, the others then see its rows.
 */
function underSeedLock<T>(database: Db, seed: (transaction: Db) => Promise<T>): Promise<T> {
  return database.transaction(async (transaction) => {
    await transaction.execute(sql`select pg_advisory_xact_lock(${STAFF_SEED_LOCK_KEY})`);
    return seed(transaction as unknown as Db);
  });
}

/**
 * Live mode's first admin from SUBDESK_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD, only while no staff exists at
 * all; afterwards the variables are ignored. Returns the email created, or null. Concurrent first starts
 * (a fleet behind a load balancer) all succeed and exactly one of them creates the admin.
 */
export async function ensureBootstrapAdmin(options: { db?: Db } = {}): Promise<string | null> {
  const email = process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL?.trim();
  const password = process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD;
  if (!email || !password) return null;
  if (isDemoEmail(email)) throw new Error("The bootstrap admin cannot use a demo email address.");
  const problem = passwordProblem(password);
  if (problem) throw new Error(`SUBDESK_BOOTSTRAP_ADMIN_PASSWORD: ${problem}`);
  const database = options.db ?? (await getDb());
  if ((await countStaff(database)) > 0) return null;
  // Hashed outside the lock: it is the slow part, and most starts never need it.
  const passwordHash = await hashPassword(password);
  return underSeedLock(database, async (transaction) => {
    if ((await countStaff(transaction)) > 0) return null;
    const created = await insertStaff(
      { email, name: email.split("@")[0] ?? email, role: "admin", passwordHash },
      transaction,
    );
    return created.email;
  });
}
