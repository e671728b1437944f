// Who is asking: the signed cookie names a session row, and the database decides whether it still counts
// (not revoked, not idle for 30 minutes, not older than 12 hours, person still active).
import "server-only";
import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/api/errors";
import { checkAuthSession, type StaffSession } from "@/lib/db/auth-sessions";
import { now } from "./clock";
import { sessionCookieName } from "./cookies";

export type { StaffSession };

/** Reads the session from the request's cookies (route handlers, server components, server actions). */
export async function getCurrentStaff(request?: Request): Promise<StaffSession | null> {
  const { cookieValue, headers } = request ? fromRequest(request) : await fromNextHeaders();
  if (!cookieValue) return null;
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return null;
  const token = await decode({ token: cookieValue, secret }).catch(() => null);
  if (!token?.sid || !token.staffId) return null;
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
