// Changes to a live session's record of how its person authenticated (lib/db/auth-sessions.ts makes it).
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { authSessions } from "./schema";

/** The person proved a TOTP code while enrolling: the session counts as password + TOTP from `at`. */
export async function markSessionMfaEnrolled(sessionId: string, at: Date, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(authSessions)
    .set({ mfaEnrolmentRequired: false, authMethod: "password+totp", authenticatedAt: at })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}
