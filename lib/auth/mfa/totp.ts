// RFC 6238 codes through otpauth: SHA-1, 6 digits, 30-second steps (what every authenticator app reads
// from a QR code), one step either side for clock drift, and a code's step accepted only once.
import "server-only";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = "Subdesk";

function totpFor(secretBase32: string, label = "staff"): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random secret (160 bits, RFC 4226's recommended length), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI the QR code carries. */
export function totpUri(secretBase32: string, email: string): string {
  return totpFor(secretBase32, email).toString();
}

export function timeStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step `code` belongs to (within one step of `at`), or null. A step at or before `lastUsedStep`
 * is refused: the same code (or an older one) cannot be played back after it was accepted.
 */
export function matchTotp(
  secretBase32: string,
  code: string,
  at: Date,
  lastUsedStep: number | null,
): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = timeStepAt(at) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
