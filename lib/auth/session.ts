// Who is asking: the signed cookie names a session row, and the database decides whether it still counts
// (not revoked, not idle for 30 minutes, not older than 12 hours, person still active).
import "server-only";
import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/api/errors";
import { checkAuthSession, type StaffSession } from "@/lib/db/auth-sessions";
import { now } from "./clock";
import { sessionCookieName } from "./cookies";

export type { StaffSession };

type SessionClaims = { sid: string; staffId: string; expiresAtMs: number };

/*
 * next-auth derives the cookie's key (HKDF) and decrypts the JWE on every decode: about 0.1-0.5 ms a request
 * on this machine. A visit sends the same cookie on every request, and decoding is a pure function of the
 * cookie and the secret, so the claims are kept here, bounded (oldest out first), with the token's own
 * expiry. Whether the session still counts is not decided here: checkAuthSession reads the row (with PGlite
 * from a cache every write to it empties, lib/db/auth-sessions.ts) and checks it at every request.
 */
const maxDecodedCookies = 1_000;
const decodedCookies = new Map<string, SessionClaims>();

async function sessionClaims(cookieValue: string, secret: string): Promise<SessionClaims | null> {
  const key = `${secret}\u0000${cookieValue}`;
  const known = decodedCookies.get(key);
  if (known) {
    if (known.expiresAtMs > Date.now()) return known;
    decodedCookies.delete(key);
  }
  const token = await decode({ token: cookieValue, secret }).catch(() => null);
  if (!token?.sid || !token.staffId) return null;
  const claims = {
    sid: token.sid,
    staffId: token.staffId,
    expiresAtMs: typeof token.exp === "number" ? token.exp * 1000 : 0,
  };
  if (decodedCookies.size >= maxDecodedCookies) {
    decodedCookies.delete(decodedCookies.keys().next().value!);
  }
  decodedCookies.set(key, claims);
  return claims;
}

/** Reads the session from the request's cookies (route handlers, server components, server actions). */
export async function getCurrentStaff(request?: Request): Promise<StaffSession | null> {
  const { cookieValue, headers } = request ? fromRequest(request) : await fromNextHeaders();
  if (!cookieValue) return null;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  const token = await sessionClaims(cookieValue, secret);
  if (!token) return null;
  const check = await checkAuthSession({ sessionId: token.sid, staffId: token.staffId }, now(headers), {
    touch: true,
  });
  return check.ok ? check.session : null;
}

export async function requireStaff(request?: Request): Promise<StaffSession> {
  const staff = await getCurrentStaff(request);
  if (!staff) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
  return staff;
}

function fromRequest(request: Request): { cookieValue: string | undefined; headers: Headers } {
  const name = sessionCookieName();
  const cookieValue = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  return { cookieValue: cookieValue && decodeURIComponent(cookieValue), headers: request.headers };
}

async function fromNextHeaders(): Promise<{ cookieValue: string | undefined; headers: Headers }> {
  // Imported lazily so this module also loads outside a Next request (tests, scripts).
  const { cookies, headers } = await import("next/headers");
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return { cookieValue: cookieStore.get(sessionCookieName())?.value, headers: new Headers(headerList) };
}
