// Sign-in throttling: after 10 failures within 15 minutes for one email, or from one client address,
// further attempts are refused until the oldest of those ten leaves the window.
import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { SIGN_IN_WINDOW_MS } from "./maintenance";
import { signInFailures } from "./schema";

export const SIGN_IN_FAILURE_LIMIT = 10;
export { SIGN_IN_WINDOW_MS };

export type ThrottleVerdict = { limited: false } | { limited: true; retryAfter: number };

export async function recordSignInFailure(email: string, ip: string, at: Date, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.insert(signInFailures).values({ email: email.trim().toLowerCase(), ip, at });
}

/** A successful sign-in forgives that email's failures (not the address's: a guesser may share it). */
export async function clearSignInFailures(email: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.delete(signInFailures).where(eq(signInFailures.email, email.trim().toLowerCase()));
}

// The limit-th newest failure in the window decides: once it ages out, fewer than `limit` remain.
async function secondsUntilBelowLimit(
  database: Db,
  condition: ReturnType<typeof eq>,
  at: Date,
): Promise<number | null> {
  const since = new Date(at.getTime() - SIGN_IN_WINDOW_MS);
  const rows = await database
    .select({ at: signInFailures.at })
    .from(signInFailures)
    .where(and(condition, gte(signInFailures.at, since)))
    .orderBy(desc(signInFailures.at))
    .limit(SIGN_IN_FAILURE_LIMIT);
  const decisive = rows[SIGN_IN_FAILURE_LIMIT - 1];
  if (!decisive) return null;
  return Math.max(1, Math.ceil((decisive.at.getTime() + SIGN_IN_WINDOW_MS - at.getTime()) / 1000));
}

export async function checkSignInThrottle(
  email: string,
  ip: string,
  at: Date,
  db?: Db,
): Promise<ThrottleVerdict> {
  const database = db ?? (await getDb());
  const [byEmail, byAddress] = await Promise.all([
    secondsUntilBelowLimit(database, eq(signInFailures.email, email.trim().toLowerCase()), at),
    // "unknown" is no address at all: one shared bucket would lock everyone out together.
    ip === "unknown" ? null : secondsUntilBelowLimit(database, eq(signInFailures.ip, ip), at),
  ]);
  const retryAfter = Math.max(byEmail ?? 0, byAddress ?? 0);
  return retryAfter > 0 ? { limited: true, retryAfter } : { limited: false };
}
