// Ten one-time recovery codes, shown once. Each is 80 random bits (16 base32 characters in groups of four),
// so a fast hash is enough: stored as SHA-256 over a per-code random salt (`salt$hash`), never as text.
// scrypt (lib/auth/password.ts) would make every recovery sign-in check ten slow hashes for no gain.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function normalize(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z0-9]{16}$/.test(normalize(code));
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const text = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
    return text.match(/.{4}/g)!.join("-");
  });
}

const digest = (salt: string, code: string) => createHash("sha256").update(`${salt}:${code}`).digest();

export function hashRecoveryCode(code: string): string {
  const salt = randomBytes(16).toString("base64url");
  return `${salt}$${digest(salt, normalize(code)).toString("base64url")}`;
}

export function recoveryCodeMatches(code: string, stored: string): boolean {
  const [salt, hash] = stored.split("$");
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = digest(salt, normalize(code));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
