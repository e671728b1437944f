// The key that signs session cookies. There is no default: live mode must be given one, embedded mode
// makes one once and keeps it under the data directory so sessions survive a restart.
import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setAuthMode, type AuthMode } from "./auth-mode";
import { dataDirectory } from "./data-dir";

const MIN_SECRET_LENGTH = 32;

/** Call once at start, before any request. Sets NEXTAUTH_SECRET (and NEXTAUTH_URL if unset) and the mode. */
export function resolveAuthSecret(mode: AuthMode, options: { dataDir?: string } = {}): string {
  setAuthMode(mode);
  process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
  const given = process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET;
  if (mode === "live") {
    if (!given || given.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `Live mode needs NEXTAUTH_SECRET (at least ${MIN_SECRET_LENGTH} characters), e.g. from \`openssl rand -base64 32\`.`,
      );
    }
  }
  const secret = given || embeddedSecret(options.dataDir ?? dataDirectory());
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}

function embeddedSecret(directory: string): string {
  const file = path.join(directory, "auth-secret");
  const existing = readSecret(file);
  if (existing) return existing;
  try {
    // "wx": if two processes race on a fresh directory, the second reads the first one's secret.
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const written = readSecret(file);
  if (!written) throw new Error(`Could not read the auth secret at ${file}.`);
  return written;
}

function readSecret(file: string): string | null {
  try {
    const value = readFileSync(file, "utf8").trim();
    return value.length >= MIN_SECRET_LENGTH ? value : null;
  } catch {
    return null;
  }
}
