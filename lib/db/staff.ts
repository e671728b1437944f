// Staff: the people who sign in. Password hashes never leave this module except to the sign-in check.
import "server-only";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { writingSessions } from "./auth-sessions";
import type { Db } from "./connection";
import { getDb } from "./client";
import { authSessions, staff, type StaffRow } from "./schema";

export type StaffStatus = "active" | "disabled";
export type StaffRecord = Omit<StaffRow, "passwordHash">;

const publicColumns = {
  id: staff.id,
  email: staff.email,
  name: staff.name,
  role: staff.role,
  status: staff.status,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
  lastSignInAt: staff.lastSignInAt,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewStaff {
  /** Chosen by the caller when the audit row must name the person before the insert; random otherwise. */
  id?: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

export async function createStaff(input: NewStaff, db?: Db): Promise<StaffRecord> {
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("validation_failed", problem, { fields: { password: problem } });
  return insertStaff({ ...input, passwordHash: await hashPassword(input.password) }, db);
}

/** Inserts with a ready hash; demo seeding uses it to skip the strength rule for test passwords. */
export async function insertStaff(
  input: Omit<NewStaff, "password"> & { passwordHash: string },
  db?: Db,
): Promise<StaffRecord> {
  const database = db ?? (await getDb());
  const email = normalizeEmail(input.email);
  const rows = await database
    .insert(staff)
    .values({
      ...(input.id ? { id: input.id } : {}),
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: input.passwordHash,
    })
    .onConflictDoNothing()
    .returning(publicColumns);
  const row = rows[0];
  if (!row) {
    throw new AppError("conflict", "A staff member with this email already exists.", {
      fields: { email: "Already in use." },
    });
  }
  return row;
}

export async function listStaff(db?: Db): Promise<StaffRecord[]> {
  const database = db ?? (await getDb());
  return database.select(publicColumns).from(staff).orderBy(asc(staff.email));
}

export async function countStaff(db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const [row] = await database.select({ value: count() }).from(staff);
  return row?.value ?? 0;
}

/** Includes the password hash: for the sign-in check only. */
export async function findStaffByEmail(email: string, db?: Db): Promise<StaffRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select()
    .from(staff)
    .where(eq(sql`lower(${staff.email})`, normalizeEmail(email)));
  return row ?? null;
}

export async function findStaffById(id: string, db?: Db): Promise<StaffRecord | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select(publicColumns).from(staff).where(eq(staff.id, id));
  return row ?? null;
}

// Demoting or disabling the last active admin would lock everyone out of the staff page for good.
async function assertAnotherActiveAdmin(database: Db, id: string): Promise<void> {
  const [row] = await database
    .select({ value: count() })
    .from(staff)
    .where(and(eq(staff.role, "admin"), eq(staff.status, "active"), ne(staff.id, id)));
  if ((row?.value ?? 0) === 0) {
    throw new AppError("conflict", "This is the last active admin; make someone else an admin first.");
  }
}

async function updateStaff(
  database: Db,
  id: string,
  changes: Partial<Pick<StaffRow, "role" | "status" | "passwordHash" | "name">>,
): Promise<StaffRecord> {
  // A role, status or name change is what the next session check must see (auth-sessions.ts keeps rows).
  const [row] = await writingSessions(() =>
    database
      .update(staff)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(staff.id, id))
      .returning(publicColumns),
  );
  if (!row) throw new AppError("not_found", "No such staff member.");
  return row;
}

export async function updateStaffRole(id: string, role: Role, db?: Db): Promise<StaffRecord> {
  const database = db ?? (await getDb());
  const current = await findStaffById(id, database);
  if (!current) throw new AppError("not_found", "No such staff member.");
  if (current.role === "admin" && role !== "admin" && current.status === "active") {
    await assertAnotherActiveAdmin(database, id);
  }
  return updateStaff(database, id, { role });
}

/** Disabling also revokes every session, so a later re-enable cannot revive an old cookie. */
export async function setStaffStatus(id: string, status: StaffStatus, db?: Db): Promise<StaffRecord> {
  const database = db ?? (await getDb());
  const current = await findStaffById(id, database);
  if (!current) throw new AppError("not_found", "No such staff member.");
  if (status === "disabled" && current.role === "admin" && current.status === "active") {
    await assertAnotherActiveAdmin(database, id);
  }
  const row = await updateStaff(database, id, { status });
  if (status === "disabled") await revokeStaffSessions(id, database);
  return row;
}

export const disableStaff = (id: string, db?: Db) => setStaffStatus(id, "disabled", db);
export const enableStaff = (id: string, db?: Db) => setStaffStatus(id, "active", db);

/** A new password ends every existing session of that person. */
export async function setStaffPassword(id: string, password: string, db?: Db): Promise<StaffRecord> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError("validation_failed", problem, { fields: { password: problem } });
  const database = db ?? (await getDb());
  const row = await updateStaff(database, id, { passwordHash: await hashPassword(password) });
  await revokeStaffSessions(id, database);
  return row;
}

export async function touchLastSignIn(id: string, at: Date = new Date(), db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(staff).set({ lastSignInAt: at }).where(eq(staff.id, id));
}

export async function revokeStaffSessions(staffId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await writingSessions(() =>
    database
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSessions.staffId, staffId), isNull(authSessions.revokedAt))),
  );
}
