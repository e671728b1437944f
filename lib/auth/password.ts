// Slow, salted password hashes in a self-describing format, so the cost can rise later without a reset:
// scrypt$N$r$p$salt$hash (salt and hash base64url).
import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
// 128 * N * r bytes is 32 MiB at N=2^15; scrypt's default ceiling is exactly that, so raise it.
const MAX_MEMORY = 64 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const options = { N: COST, r: BLOCK_SIZE, p: PARALLELISM, maxmem: MAX_MEMORY };
  const key = await derive(password, salt, options, KEY_LENGTH);
  return [
    "scrypt",
    COST,
    BLOCK_SIZE,
    PARALLELISM,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

/** False for a wrong password and for any hash this code cannot read; never throws on bad input. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, costText, blockText, parallelText, saltText, keyText] = parts as [string, ...string[]];
  const N = Number(costText);
  const r = Number(blockText);
  const p = Number(parallelText);
  const expected = Buffer.from(keyText ?? "", "base64url");
  // Bounds keep a corrupted row from asking for gigabytes of memory.
  if (!isPowerOfTwo(N) || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16 || expected.length < 16) {
    return false;
  }
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const maxmem = Math.max(MAX_MEMORY, 256 * N * r);
  const actual = await derive(
    password,
    Buffer.from(saltText ?? "", "base64url"),
    { N, r, p, maxmem },
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

function isPowerOfTwo(value: number): boolean {
  return Number.isInteger(value) && value > 1 && (value & (value - 1)) === 0;
}

/** Whether a stored hash uses weaker parameters than today's, so sign-in can quietly upgrade it. */
export function needsRehash(stored: string): boolean {
  const [scheme, cost, block, parallel] = stored.split("$");
  return (
    scheme !== "scrypt" || Number(cost) < COST || Number(block) < BLOCK_SIZE || Number(parallel) < PARALLELISM
  );
}

/** A hash of a random password: verifying against it costs what a real check costs, for unknown emails. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString("base64url"));
  return decoy;
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}
