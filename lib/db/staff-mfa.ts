// A person's TOTP enrolment and recovery codes. The sealed secret leaves this module only to the MFA code
// in lib/auth/mfa; every one-time rule (a step used once, a recovery code used once) is one conditional
// UPDATE, so two concurrent sign-ins with the same code cannot both pass.
import "server-only";
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { staffMfa, staffRecoveryCodes } from "./schema";

export type StaffMfaRow = typeof staffMfa.$inferSelect;

export async function findStaffMfa(staffId: string, db?: Db): Promise<StaffMfaRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(staffMfa).where(eq(staffMfa.staffId, staffId));
  return row ?? null;
}

export async function isMfaEnabled(staffId: string, db?: Db): Promise<boolean> {
  const row = await findStaffMfa(staffId, db);
  return Boolean(row?.enabledAt);
}

/** Stores a pending secret (replacing an earlier pending one); false when MFA is already enabled. */
export async function savePendingSecret(staffId: string, sealed: string, db?: Db): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .insert(staffMfa)
    .values({ staffId, secretCiphertext: sealed })
    .onConflictDoUpdate({
      target: staffMfa.staffId,
      set: { secretCiphertext: sealed, createdAt: new Date(), lastUsedStep: null },
      setWhere: isNull(staffMfa.enabledAt),
    })
    .returning({ staffId: staffMfa.staffId });
  return rows.length > 0;
}

/** Enables a pending enrolment with its first code's step and a fresh set of recovery code hashes. */
export async function enableMfa(
  staffId: string,
  input: { step: number; codeHashes: string[]; at: Date },
  db?: Db,
): Promise<boolean> {
  const database = db ?? (await getDb());
  return database.transaction(async (transaction) => {
    const enabled = await transaction
      .update(staffMfa)
      .set({ enabledAt: input.at, lastUsedStep: input.step })
      .where(and(eq(staffMfa.staffId, staffId), isNull(staffMfa.enabledAt)))
      .returning({ staffId: staffMfa.staffId });
    if (enabled.length === 0) return false;
    await transaction.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
    await transaction
      .insert(staffRecoveryCodes)
      .values(input.codeHashes.map((codeHash) => ({ staffId, codeHash, createdAt: input.at })));
    return true;
  });
}

/** Records `step` as used; false when it (or a later one) already was: the code is a replay. */
export async function claimTotpStep(staffId: string, step: number, db?: Db): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(staffMfa)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(staffMfa.staffId, staffId),
        isNotNull(staffMfa.enabledAt),
        or(isNull(staffMfa.lastUsedStep), lt(staffMfa.lastUsedStep, step)),
      ),
    )
    .returning({ staffId: staffMfa.staffId });
  return rows.length > 0;
}

export async function unusedRecoveryCodes(staffId: string, db?: Db) {
  const database = db ?? (await getDb());
  return database
    .select({ id: staffRecoveryCodes.id, codeHash: staffRecoveryCodes.codeHash })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
}

export async function countUnusedRecoveryCodes(staffId: string, db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select({ value: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
  return row?.value ?? 0;
}

/** Marks one recovery code used; false when another request used it first. */
export async function claimRecoveryCode(id: string, at: Date, db?: Db): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(staffRecoveryCodes)
    .set({ usedAt: at })
    .where(and(eq(staffRecoveryCodes.id, id), isNull(staffRecoveryCodes.usedAt)))
    .returning({ id: staffRecoveryCodes.id });
  return rows.length > 0;
}

/** Removes the enrolment and its codes (an admin's reset); true when there was one. */
export async function deleteStaffMfa(staffId: string, db?: Db): Promise<boolean> {
  const database = db ?? (await getDb());
  await database.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
  const rows = await database
    .delete(staffMfa)
    .where(eq(staffMfa.staffId, staffId))
    .returning({ staffId: staffMfa.staffId });
  return rows.length > 0;
}

/** Who has MFA on, for the staff list. */
export async function staffIdsWithMfa(db?: Db): Promise<Set<string>> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ staffId: staffMfa.staffId })
    .from(staffMfa)
    .where(isNotNull(staffMfa.enabledAt));
  return new Set(rows.map((row) => row.staffId));
}
