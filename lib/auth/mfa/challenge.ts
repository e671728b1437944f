// The state between a right password and its TOTP code: an encrypted, 5-minute token in an httpOnly cookie
// naming who passed the password step. It is not a session (no session row, nothing can be called with
// it), and the password is not sent again with the code. Sealed by next-auth's JWE with its own salt, so it
// can never pass for a session cookie nor a session cookie for it.
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { isHttpsDeployment } from "@/lib/auth/cookies";

export const CHALLENGE_MAX_AGE_SECONDS = 5 * 60;
const SALT = "subdesk.mfa-challenge";
const PURPOSE = "mfa-challenge";

export function challengeCookieName(): string {
  return isHttpsDeployment() ? "__Host-subdesk.mfa-challenge" : "subdesk.mfa-challenge";
}

function secret(): string {
  const value = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!value) throw new Error("NEXTAUTH_SECRET is not set.");
  return value;
}

export async function issueChallenge(staffId: string): Promise<string> {
  return encode({
    token: { purpose: PURPOSE, staffId },
    secret: secret(),
    salt: SALT,
    maxAge: CHALLENGE_MAX_AGE_SECONDS,
  });
}

/** The staff id the challenge names, or null when it is missing, expired, forged or something else. */
export async function readChallenge(token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: secret(), salt: SALT }).catch(() => null);
  return claims?.purpose === PURPOSE && typeof claims.staffId === "string" ? claims.staffId : null;
}

export function challengeCookieHeader(token: string | null): string {
  const flags = `Path=/; HttpOnly; SameSite=Lax${isHttpsDeployment() ? "; Secure" : ""}`;
  return token
    ? `${challengeCookieName()}=${token}; Max-Age=${CHALLENGE_MAX_AGE_SECONDS}; ${flags}`
    : `${challengeCookieName()}=; Max-Age=0; ${flags}`;
}

/** The cookie's value from a raw Cookie header. */
export function challengeFromCookieHeader(cookieHeader: string | undefined): string | undefined {
  const name = challengeCookieName();
  const part = (cookieHeader ?? "")
    .split(";")
    .map((piece) => piece.trim())
    .find((piece) => piece.startsWith(`${name}=`));
  return part ? decodeURIComponent(part.slice(name.length + 1)) : undefined;
}
