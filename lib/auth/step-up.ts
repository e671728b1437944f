// Step-up: the most damaging actions (disabling, removing, bulk jobs, staff changes, approving, break-glass)
// need an authentication in the last few minutes, read off the session row. A password session proves it
// again through POST /api/auth/step-up; an SSO session through the identity provider (prompt=login,
// max_age=0), whose fresh auth_time the new session row records (lib/auth/oidc/sign-in.ts).
import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { getDb } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import type { AuthMethod } from "@/lib/db/auth-sessions";
import type { StaffSession } from "./session";

const DEFAULT_MAX_AGE_SECONDS = 600;

/** SUBDESK_STEP_UP_MAX_AGE_SECONDS (default 600): how long an authentication counts for step-up. */
export function stepUpMaxAgeMs(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.SUBDESK_STEP_UP_MAX_AGE_SECONDS);
  return (Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_AGE_SECONDS) * 1000;
}

export interface SessionFreshness {
  method: AuthMethod;
  /** When the person last proved who they are: for SSO the provider's auth_time, not our callback's time. */
  authenticatedAt: Date;
  freshUntil: Date;
}

export async function sessionFreshness(sessionId: string): Promise<SessionFreshness | null> {
  const database = await getDb();
  const [row] = await database
    .select({
      method: authSessions.authMethod,
      authenticatedAt: authSessions.authenticatedAt,
      authTime: authSessions.authTime,
    })
    .from(authSessions)
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row?.authenticatedAt) return null;
  const method = row.method ?? "password";
  // An SSO sign-in can ride the provider's own older session: what counts is when the provider asked. A
  // provider that does not say (OIDC requires auth_time when max_age is sent) proves nothing recent.
  const authenticatedAt =
    method !== "oidc"
      ? row.authenticatedAt
      : row.authTime
        ? new Date(Math.min(row.authTime.getTime(), row.authenticatedAt.getTime()))
        : new Date(0);
  return { method, authenticatedAt, freshUntil: new Date(authenticatedAt.getTime() + stepUpMaxAgeMs()) };
}

/** Throws step_up_required (401) unless the session authenticated within the step-up window at `at`. */
export async function requireRecentAuthentication(staff: StaffSession, at: Date): Promise<void> {
  const freshness = await sessionFreshness(staff.sessionId);
  if (freshness && freshness.freshUntil.getTime() > at.getTime()) return;
  throw new AppError(
    "step_up_required",
    "Confirm it is you: this action needs a sign-in from the last few minutes.",
  );
}
