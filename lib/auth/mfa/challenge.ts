// The state between a right password and its TOTP code: an encrypted, 5-minute token in an httpOnly cookie
// naming who passed the password step. It is not a session (no session row, nothing can be called with
// it), and the password is not sent again with the code. Sealed by next-auth's JWE with its own salt, so it
// can never pass for a session cookie nor a session cookie for it. It carries when it was issued: a sign-in
// of its person since then (the one it completed, or any other) spends it, so a copy is worth nothing after.
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

export interface Challenge {
  staffId: string;
  issuedAt: Date;
}

export async function issueChallenge(staffId: string, issuedAt: Date): Promise<string> {
  return encode({
    token: { purpose: PURPOSE, staffId, issuedAtMs: issuedAt.getTime() },
    secret: secret(),
    salt: SALT,
    maxAge: CHALLENGE_MAX_AGE_SECONDS,
  });
}

/** Whom the challenge names and when, or null when it is missing, expired, forged or something else. */
export async function readChallenge(token: string | undefined): Promise<Challenge | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: secret(), salt: SALT }).catch(() => null);
  if (claims?.purpose !== PURPOSE || typeof claims.staffId !== "string") return null;
  if (typeof claims.issuedAtMs !== "number") return null;
  return { staffId: claims.staffId, issuedAt: new Date(claims.issuedAtMs) };
}

/** Spent once its person has signed in at or after it was issued (the sign-in it completed, or another). */
export function isChallengeSpent(challenge: Challenge, lastSignInAt: Date | null): boolean {
  return lastSignInAt !== null && lastSignInAt.getTime() >= challenge.issuedAt.getTime();
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
