// Enrolling one's own TOTP: a pending secret shown as a QR code and as text, confirmed with a first code,
// which enables MFA and hands out ten recovery codes once. An admin can reset someone's enrolment.
import "server-only";
import QRCode from "qrcode";
import { AppError } from "@/lib/api/errors";
import type { StaffSession } from "@/lib/auth/session";
import {
  countUnusedRecoveryCodes,
  deleteStaffMfa,
  enableMfa,
  findStaffMfa,
  savePendingSecret,
} from "@/lib/db/staff-mfa";
import { markSessionMfaEnrolled } from "@/lib/db/session-factors";
import type { MfaConfirmedDto, MfaEnrolmentDto, MfaStatusDto } from "@/lib/schemas/mfa";
import { isMfaRequiredFor } from "./policy";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { openSecret, sealSecret } from "./secret-box";
import { matchTotp, newTotpSecret, totpUri } from "./totp";

export async function mfaStatus(staff: StaffSession): Promise<MfaStatusDto> {
  const enrolment = await findStaffMfa(staff.staffId);
  const enabledAt = enrolment?.enabledAt ?? null;
  return {
    enabled: Boolean(enabledAt),
    enabledAt: enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: enabledAt ? await countUnusedRecoveryCodes(staff.staffId) : 0,
    required: isMfaRequiredFor(staff.role),
  };
}

const alreadyEnabled = () =>
  new AppError("conflict", "Two-factor authentication is already on. An admin can reset it if you lost it.");

export async function startMfaEnrolment(staff: StaffSession): Promise<MfaEnrolmentDto> {
  const secret = newTotpSecret();
  if (!(await savePendingSecret(staff.staffId, sealSecret(secret, staff.staffId)))) throw alreadyEnabled();
  const otpauthUri = totpUri(secret, staff.email);
  const svg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret,
    otpauthUri,
    qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

export async function confirmMfaEnrolment(
  staff: StaffSession,
  code: string,
  at: Date,
): Promise<MfaConfirmedDto> {
  const enrolment = await findStaffMfa(staff.staffId);
  if (enrolment?.enabledAt) throw alreadyEnabled();
  const secret = enrolment && openSecret(enrolment.secretCiphertext, staff.staffId);
  if (!secret) throw new AppError("conflict", "Start the set-up again: there is no code to check yet.");
  const step = matchTotp(secret, code, at, null);
  if (step === null) {
    throw new AppError("validation_failed", "That code does not match. Check the time on your device.", {
      fields: { code: "That code does not match." },
    });
  }
  const recoveryCodes = newRecoveryCodes();
  const enabled = await enableMfa(staff.staffId, {
    step,
    codeHashes: recoveryCodes.map(hashRecoveryCode),
    at,
  });
  if (!enabled) throw alreadyEnabled();
  // A sign-in held back for enrolment may now use the console (its proof of identity is not renewed).
  await markSessionMfaEnrolled(staff.sessionId);
  return { recoveryCodes };
}

/** An admin's reset: the person enrols again at their next visit (or sign-in, where MFA is required). */
export async function resetStaffMfa(staffId: string): Promise<{ wasEnabled: boolean }> {
  return { wasEnabled: await deleteStaffMfa(staffId) };
}
