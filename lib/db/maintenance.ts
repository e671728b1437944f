// Housekeeping that runs at start and before audit reads; takes an explicit handle (no globals).
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { auditEvents, signInLimits } from "./schema";

/** A pending row older than this reads as "unknown": the process died between intent and outcome. */
export const STALE_PENDING_MS = 2 * 60 * 1000;

/** Marks pending rows older than `olderThanMs` (database time) as unknown; returns how many. */
export async function sweepStalePending(db: Db, olderThanMs: number): Promise<number> {
  const milliseconds = Math.max(0, Math.floor(olderThanMs));
  const rows = await db
    .update(auditEvents)
    .set({ outcome: "unknown" })
    .where(
      and(
        eq(auditEvents.outcome, "pending"),
        lt(auditEvents.occurredAt, sql`now() - (${milliseconds} * interval '1 millisecond')`),
      ),
    )
    .returning({ id: auditEvents.id });
  return rows.length;
}

/** Failed sign-ins count against an email, an address or a device for this long (a fixed window). */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

/** Drops throttle counters whose window ended more than `windowMs` ago (they count nothing any more). */
export async function pruneSignInFailures(db: Db, windowMs: number, at: Date = new Date()): Promise<void> {
  await db.delete(signInLimits).where(lt(signInLimits.expire, new Date(at.getTime() - windowMs)));
}
