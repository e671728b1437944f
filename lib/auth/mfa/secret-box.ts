// TOTP secrets at rest: AES-256-GCM from node:crypto, the key derived with HKDF from SUBDESK_ENCRYPTION_KEY
// (or, when unset, NEXTAUTH_SECRET: rotating that secret then makes enrolled people enrol again). The row's
// owner is the additional authenticated data, so a ciphertext copied onto another person's row is refused.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyFrom(material: string): Buffer {
  return Buffer.from(hkdfSync("sha256", material, "subdesk", "subdesk totp secret v1", 32));
}

function currentKey(): Buffer {
  const material =
    process.env.SUBDESK_ENCRYPTION_KEY || process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (!material) throw new Error("No key to encrypt MFA secrets: NEXTAUTH_SECRET is not set.");
  return keyFrom(material);
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url; `owner` must be given again to open it. */
export function sealSecret(plaintext: string, owner: string, key: Buffer = currentKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(owner, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")).join(".");
}

/** The plaintext, or null when the box was tampered with, belongs to someone else or another key sealed it. */
export function openSecret(sealed: string, owner: string, key: Buffer = currentKey()): string | null {
  const [version, iv, tag, body, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined || rest.length > 0) return null;
  try {
    const ivBytes = Buffer.from(iv, "base64url");
    const tagBytes = Buffer.from(tag, "base64url");
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) return null;
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(owner, "utf8"));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

export const deriveKeyForTests = keyFrom;
