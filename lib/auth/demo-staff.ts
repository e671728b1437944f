// Embedded mode's three demo people, one per role, and live mode's one-time bootstrap admin.
import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/connection";
import { getDb } from "@/lib/db/client";
import { staff } from "@/lib/db/schema";
import { countStaff, createStaff, insertStaff } from "@/lib/db/staff";
import { dataDirectory } from "./data-dir";
import { hashPassword } from "./password";
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
  const file = path.join(options.dataDir ?? dataDirectory(), "demo-credentials.txt");
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

/**
 * Live mode's first admin from SUBDESK_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD, only while no staff exists at
 * all; afterwards the variables are ignored. Returns the email created, or null.
 */
export async function ensureBootstrapAdmin(options: { db?: Db } = {}): Promise<string | null> {
  const email = process.env.SUBDESK_BOOTSTRAP_ADMIN_EMAIL?.trim();
  const password = process.env.SUBDESK_BOOTSTRAP_ADMIN_PASSWORD;
  if (!email || !password) return null;
  const database = options.db ?? (await getDb());
  if ((await countStaff(database)) > 0) return null;
  if (isDemoEmail(email)) throw new Error("The bootstrap admin cannot use a demo email address.");
  const created = await createStaff(
    { email, name: email.split("@")[0] ?? email, role: "admin", password },
    database,
  );
  return created.email;
}
