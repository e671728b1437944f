// Two-factor authentication: our API's bodies and answers, shared by the security page and the handlers.
import { z } from "zod";
import { reasonSchema } from "./common";

/** Starting (or restarting) an enrolment takes no fields; an empty object keeps the JSON-only rule. */
export const startMfaEnrolmentBodySchema = z.strictObject({});

export const confirmMfaBodySchema = z.strictObject({
  code: z
    .string({ error: "Enter the 6-digit code from your authenticator app." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});
export type ConfirmMfaBody = z.output<typeof confirmMfaBodySchema>;

export const resetMfaBodySchema = z.strictObject({ reason: reasonSchema });
export type ResetMfaBody = z.output<typeof resetMfaBodySchema>;

export interface MfaStatusDto {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** SUBDESK_REQUIRE_MFA covers this person's role. */
  required: boolean;
}

/** The one answer that carries the secret: the person's own, shown to be scanned or typed in. */
export interface MfaEnrolmentDto {
  secret: string;
  otpauthUri: string;
  /** An SVG QR code of otpauthUri as a data: URL (the CSP allows img data:). */
  qrCodeDataUrl: string;
}

export interface MfaConfirmedDto {
  /** Shown once: only their hashes are kept. */
  recoveryCodes: string[];
}
