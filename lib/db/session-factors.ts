// Changes to a live session's record of how its person authenticated (lib/db/auth-sessions.ts makes it).
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./connection";
import { writingSessions } from "./auth-sessions";
import { getDb } from "./client";
import { authSessions } from "./schema";

/**
 * The person enrolled TOTP: a session held back for enrolment may use the console. Its method and
 * authenticated_at stay: a first code proves the new secret is held, not who holds the session (a stale,
 * stolen session would otherwise pass step-up by enrolling an authenticator of its own).
 */
export async function markSessionMfaEnrolled(sessionId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await writingSessions(() =>
    database
      .update(authSessions)
      .set({ mfaEnrolmentRequired: false })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt))),
  );
}
