// Checking a sign-in's second factor: a TOTP code (its step claimed once) or one unused recovery code.
import "server-only";
import type { Db } from "@/lib/db/connection";
import { claimRecoveryCode, claimTotpStep, findStaffMfa, unusedRecoveryCodes } from "@/lib/db/staff-mfa";
import { looksLikeRecoveryCode, recoveryCodeMatches } from "./recovery-codes";
import { openSecret } from "./secret-box";
import { matchTotp } from "./totp";

export type SecondFactor = "totp" | "recovery_code";

/** Which factor `code` proved for this person at `at`, or null (wrong, replayed, used, or not enrolled). */
export async function verifySecondFactor(
  staffId: string,
  code: string,
  at: Date,
  db?: Db,
): Promise<SecondFactor | null> {
  const enrolment = await findStaffMfa(staffId, db);
  if (!enrolment?.enabledAt) return null;
  if (looksLikeRecoveryCode(code)) {
    for (const stored of await unusedRecoveryCodes(staffId, db)) {
      if (recoveryCodeMatches(code, stored.codeHash)) {
        return (await claimRecoveryCode(stored.id, at, db)) ? "recovery_code" : null;
      }
    }
    return null;
  }
  const secret = openSecret(enrolment.secretCiphertext, staffId);
  if (!secret) return null;
  const step = matchTotp(secret, code, at, enrolment.lastUsedStep);
  if (step === null) return null;
  return (await claimTotpStep(staffId, step, db)) ? "totp" : null;
}
