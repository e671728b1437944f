// Server-side session rows behind the signed cookie: they make sign-out, disabling a person and the
// idle/absolute limits hold even though the cookie itself is a self-contained JWT.
import "server-only";
import { and, desc, eq, isNull, notInArray } from "drizzle-orm";
import type { Role } from "@/lib/auth/permissions";
import type { Db } from "./connection";
import { getDb } from "./client";
import { localReadCache } from "./local-read-cache";
import { authSessions, type authMethods } from "./schema";

export type AuthMethod = (typeof authMethods)[number];

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn every read into a write; a minute is precise enough.
export const TOUCH_INTERVAL_MS = 60 * 1000;

/** Live sessions one person may hold; signing in once more ends the oldest (exported for tests). */
export const MAX_SESSIONS_PER_PERSON = 10;

export interface StaffSession {
  staffId: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** Signed in with a password, must use MFA and has not enrolled: may only enrol (lib/api/with-route.ts). */
  mfaEnrolmentRequired?: boolean;
}

/** How a session's person proved who they are; step-up reads these off the row. */
export interface SessionAuthentication {
  method: AuthMethod;
  /** The identity provider's auth_time, for single sign-on. */
  authTime?: Date | null;
  mfaEnrolmentRequired?: boolean;
}

export type SessionCheck =
  | { ok: true; session: StaffSession }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" | "disabled" };

export async function createAuthSession(
  input: {
    staffId: string;
    ip?: string;
    userAgent?: string;
    at: Date;
    authentication?: SessionAuthentication;
  },
  db?: Db,
): Promise<string> {
  const database = db ?? (await getDb());
  const [row] = await database
    .insert(authSessions)
    .values({
      staffId: input.staffId,
      createdAt: input.at,
      lastSeenAt: input.at,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      authenticatedAt: input.at,
      authMethod: input.authentication?.method ?? "password",
      authTime: input.authentication?.authTime ?? null,
      mfaEnrolmentRequired: input.authentication?.mfaEnrolmentRequired ?? false,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("The session row was not written.");
  await writingSessions(() => endSessionsBeyondLimit(input.staffId, input.at, database));
  return row.id;
}

// Concurrent sign-ins may each revoke the same surplus; the newest MAX_SESSIONS_PER_PERSON always survive.
async function endSessionsBeyondLimit(staffId: string, at: Date, database: Db): Promise<void> {
  const newest = database
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.staffId, staffId), isNull(authSessions.revokedAt)))
    .orderBy(desc(authSessions.createdAt), desc(authSessions.id))
    .limit(MAX_SESSIONS_PER_PERSON);
  await database
    .update(authSessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(authSessions.staffId, staffId),
        isNull(authSessions.revokedAt),
        notInArray(authSessions.id, newest),
      ),
    );
}

export async function revokeAuthSession(sessionId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await writingSessions(() =>
    database
      .update(authSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt))),
  );
}

/*
 * The check every request pays, as one plain statement: through drizzle it cost about 0.85 ms on PGlite,
 * as SQL handed straight to the driver about 0.35 ms (npm run bench, scripts in its note). Both drivers
 * (PGlite and node-postgres) take `query(text, values)` and answer `{ rows }`; times come back as epoch
 * milliseconds, one number from either.
 */
const sessionCheckSql = `select s.id as staff_id, s.email, s.name, s.role, s.status,
  (extract(epoch from a.created_at) * 1000)::float8 as created_ms,
  (extract(epoch from a.last_seen_at) * 1000)::float8 as last_seen_ms,
  a.revoked_at is not null as is_revoked, a.mfa_enrolment_required
  from auth_sessions a join staff s on s.id = a.staff_id where a.id = $1`;

interface SessionCheckRow {
  staff_id: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  created_ms: number;
  last_seen_ms: number;
  is_revoked: boolean;
  mfa_enrolment_required: boolean;
}

interface Queryable {
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

interface SessionRow {
  staffId: string;
  email: string;
  name: string;
  role: Role;
  status: "active" | "disabled";
  createdAt: Date;
  lastSeenAt: Date;
  isRevoked: boolean;
  mfaEnrolmentRequired: boolean;
}

/*
 * With PGlite every write to auth_sessions and staff goes through this process, and each one calls
 * writingSessions() (each is covered by a test of the next check): the row kept here is then the
 * row the query would return, and the checks below still run on it at every request. PostgreSQL is shared
 * with other instances, so there the query runs every time. Bounded in size and age all the same.
 */
const sessionRows = localReadCache<SessionRow>("sessionRows", { maxEntries: 1_000, maxAgeMs: 30_000 });

/**
 * Runs a write to auth_sessions or staff (a revocation, a sign-out, a role or status change) so that the
 * next session check reads the database. Every write to a column the check reads goes through here (a new
 * staff row or session cannot change a kept row; last_sign_in_at and authenticated_at are not read by it).
 */
export function writingSessions<T>(write: () => Promise<T>): Promise<T> {
  return sessionRows.writing(write);
}

async function readSessionRow(sessionId: string, database: Db): Promise<SessionRow | null> {
  const kept = sessionRows.get(database, sessionId);
  if (kept !== undefined) return kept;
  const generation = sessionRows.generation();
  const client = (database as unknown as { $client: Queryable }).$client;
  const { rows } = await client.query(sessionCheckSql, [sessionId]);
  const found = rows[0] as SessionCheckRow | undefined;
  const row = found
    ? {
        staffId: found.staff_id,
        email: found.email,
        name: found.name,
        role: found.role,
        status: found.status,
        createdAt: new Date(found.created_ms),
        lastSeenAt: new Date(found.last_seen_ms),
        isRevoked: found.is_revoked,
        mfaEnrolmentRequired: found.mfa_enrolment_required,
      }
    : null;
  // Only rows that exist are kept: an unknown id always asks again.
  if (row) sessionRows.set(database, sessionId, row, generation);
  return row;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a session against the database at time `at`: it exists for this staff member, is not revoked,
 * is within the idle and absolute limits, and the person is still active. Touches it when `touch` is set
 * (at most once a TOUCH_INTERVAL_MS). A revocation counts at the next request, on every instance: with
 * PGlite the row may come from the process's cache, which every write to it empties (see sessionRows).
 */
export async function checkAuthSession(
  claims: { sessionId: string; staffId: string },
  at: Date,
  options: { touch?: boolean; db?: Db } = {},
): Promise<SessionCheck> {
  // Not a session id at all (PostgreSQL would refuse the cast with an error): no such session.
  if (!uuidPattern.test(claims.sessionId)) return { ok: false, reason: "missing" };
  const database = options.db ?? (await getDb());
  const row = await readSessionRow(claims.sessionId, database);
  if (!row || row.staffId !== claims.staffId) return { ok: false, reason: "missing" };
  if (row.isRevoked) return { ok: false, reason: "revoked" };
  if (at.getTime() - row.createdAt.getTime() > ABSOLUTE_LIFETIME_MS) return { ok: false, reason: "expired" };
  if (at.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS) return { ok: false, reason: "idle" };
  if (row.status !== "active") return { ok: false, reason: "disabled" };
  if (options.touch && at.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await writingSessions(() =>
      database
        .update(authSessions)
        .set({ lastSeenAt: at })
        .where(and(eq(authSessions.id, claims.sessionId), isNull(authSessions.revokedAt))),
    );
  }
  return {
    ok: true,
    session: {
      staffId: row.staffId,
      email: row.email,
      name: row.name,
      role: row.role,
      sessionId: claims.sessionId,
      // Only said when it holds: most sessions never carry it.
      ...(row.mfaEnrolmentRequired ? { mfaEnrolmentRequired: true } : {}),
    },
  };
}
