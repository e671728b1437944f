// Refused sign-ins, aggregated: one auth.login_failed row per email, client address and reason per
// 15-minute window of database time, holding `{ attempts, lastAttemptAt }`. A guesser then adds a handful
// of rows, not one per guess, and concurrent refusals still land in one row: its id is derived from the
// key and the window, and the write is a single upsert (migration 0005 lets the trigger accept exactly it).
import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { auditEvents } from "./schema";

/** The window the database trigger checks (900 s, migration 0005); the same as the throttle's window. */
const WINDOW_SECONDS = 900;

export interface SignInFailure {
  /** As typed, already normalized (control characters are escaped before it reaches the row); "" for none. */
  email: string;
  clientIp: string;
  userAgent?: string;
  requestId: string;
  errorCode: string;
  outcome: "failure" | "denied";
}

// NUL cannot be stored in a text column, and ESC or bidi controls would garble whoever reads the row.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export function escapeControlCharacters(value: string): string {
  return value.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export async function recordSignInFailure(failure: SignInFailure, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  const label = escapeControlCharacters(failure.email).slice(0, 320);
  const key = createHash("sha256")
    .update(JSON.stringify([label, failure.clientIp, failure.errorCode, failure.outcome]))
    .digest("hex");
  const windowNumber = sql`floor(extract(epoch from now()) / ${sql.raw(String(WINDOW_SECONDS))})::bigint`;
  await database
    .insert(auditEvents)
    .values({
      id: sql`md5(${key} || ':' || ${windowNumber}::text)::uuid`,
      actorId: null,
      action: "auth.login_failed",
      targetType: "staff",
      targetLabel: label || null,
      requestSummary: sql`jsonb_build_object('attempts', 1, 'lastAttemptAt', now())`,
      outcome: failure.outcome,
      errorCode: failure.errorCode,
      requestId: failure.requestId,
      clientIp: failure.clientIp,
      userAgent: failure.userAgent ? escapeControlCharacters(failure.userAgent).slice(0, 512) : null,
      completedAt: sql`now()`,
    })
    .onConflictDoUpdate({
      target: auditEvents.id,
      set: {
        requestSummary: sql`jsonb_build_object('attempts', coalesce((${auditEvents.requestSummary} ->> 'attempts')::int, 1) + 1, 'lastAttemptAt', now())`,
      },
    });
}
