// Sign-in throttling that slows a guesser without locking out the person guessed at (OWASP's "slowing
// online guessing": limit per account and address pair, a far looser limit per address so an office behind
// one address keeps working, and a device that has signed in before counted apart from anonymous attempts).
// Every attempt consumes its points BEFORE the password is checked, in one atomic upsert per key
// (rate-limiter-flexible's RateLimiterDrizzle: INSERT … ON CONFLICT DO UPDATE … RETURNING), so concurrent
// guesses cannot all slip in between a check and a record. A correct password gives the points back.
import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "./connection";
import { getDb } from "./client";
import { SIGN_IN_WINDOW_MS } from "./maintenance";
import { signInLimits } from "./schema";

export { SIGN_IN_WINDOW_MS };

/** Failed attempts allowed per 15-minute window before the next one answers 429 (exported for tests). */
export const SIGN_IN_LIMITS = {
  /** One address guessing one email: the limit an attacker at one address meets first. */
  perEmailAndAddress: 10,
  /** One email from anonymous browsers anywhere: slows a guesser spread over many addresses. */
  perEmail: 30,
  /** One address, any email: ten times the pair's, so a 50-person office behind one NAT keeps working. */
  perAddress: 100,
  /** A browser that signed in as this email before: counted apart, so others' guessing never blocks it. */
  perDevice: 10,
} as const;

export type LimitName = keyof typeof SIGN_IN_LIMITS;

export interface SignInAttemptKeys {
  email: string;
  ip: string;
  /** The id of a valid device cookie issued to this email, when the browser presented one. */
  deviceId?: string | null;
}

export type SignInTicket =
  { allowed: true; release(): Promise<void> } | { allowed: false; retryAfter: number; limit: LimitName };

const limiters = new WeakMap<Db, Record<LimitName, RateLimiterDrizzle>>();

function limitersFor(db: Db): Record<LimitName, RateLimiterDrizzle> {
  let set = limiters.get(db);
  if (!set) {
    const make = (name: LimitName) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: signInLimits,
        keyPrefix: name,
        points: SIGN_IN_LIMITS[name],
        duration: SIGN_IN_WINDOW_MS / 1000,
        // All four share one table: one of them runs the library's periodic sweep of rows expired an
        // hour ago (a sprayer leaves a row per email tried), and start-up prunes too (maintenance.ts).
        clearExpiredByTimeout: name === "perAddress",
      } as ConstructorParameters<typeof RateLimiterDrizzle>[0]);
    set = {
      perEmailAndAddress: make("perEmailAndAddress"),
      perEmail: make("perEmail"),
      perAddress: make("perAddress"),
      perDevice: make("perDevice"),
    };
    limiters.set(db, set);
  }
  return set;
}

// Keys are hashes: an email may hold any byte a form can send, and the table need not list who was tried.
const digest = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 32);

/** Which counters an attempt draws on: a trusted device only its own; an anonymous one the other three. */
function keysOf(attempt: SignInAttemptKeys): [LimitName, string][] {
  const email = digest(attempt.email.trim().toLowerCase());
  if (attempt.deviceId) return [["perDevice", digest(`${attempt.deviceId}\n${email}`)]];
  // "unknown" is no address at all: one shared bucket would lock every such client out together.
  if (attempt.ip === "unknown") return [["perEmail", email]];
  const address = digest(attempt.ip);
  return [
    ["perEmailAndAddress", `${email}.${address}`],
    ["perEmail", email],
    ["perAddress", address],
  ];
}

/**
 * Consumes one attempt on each counter the attempt draws on, most specific first, each atomically. Refused:
 * the counters consumed before the refusing one get their point back (a refused attempt checks no password,
 * so it counts nowhere but where it was stopped), and the ones after it are never touched, so 60
 * concurrent guesses from one address reach the per-email counter only ten times. Allowed: the caller
 * checks the password and calls `release()` if it was right, which gives the points back.
 */
export async function consumeSignInAttempt(attempt: SignInAttemptKeys, db?: Db): Promise<SignInTicket> {
  const database = db ?? (await getDb());
  const set = limitersFor(database);
  const keys = keysOf(attempt);
  const consumed: [LimitName, string][] = [];
  for (const [name, key] of keys) {
    try {
      await set[name].consume(key);
      consumed.push([name, key]);
    } catch (error) {
      await Promise.all(consumed.map(([done, doneKey]) => set[done].reward(doneKey)));
      if (!(error instanceof RateLimiterRes)) throw error;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil(error.msBeforeNext / 1000)), limit: name };
    }
  }
  return {
    allowed: true,
    async release() {
      // A success forgives this pair's (or device's) failures; the shared counters just get their point back.
      await Promise.all(
        keys.map(([name, key]) =>
          name === "perEmailAndAddress" || name === "perDevice"
            ? set[name].delete(key)
            : set[name].reward(key),
        ),
      );
    },
  };
}
