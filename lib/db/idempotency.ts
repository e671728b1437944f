// Idempotency keys for requests that must not run twice (creating an account). The database, not process
// memory, holds them: several console instances can sit behind one load balancer, and a double submit may
// reach two of them.
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { idempotencyKeys, type IdempotencyKeyRow } from "./schema";

export type { IdempotencyKeyRow };

/** Keys are kept this long; a form submission is repeated within seconds, never a day later. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface IdempotencyKeyId {
  staffId: string;
  /** The route it belongs to, so one key cannot collide across different kinds of request. */
  scope: string;
  key: string;
}

const whereKey = (id: IdempotencyKeyId) =>
  and(
    eq(idempotencyKeys.staffId, id.staffId),
    eq(idempotencyKeys.scope, id.scope),
    eq(idempotencyKeys.key, id.key),
  );

/**
 * Claims a key for a request about to run. Exactly one of several concurrent claims wins (the primary key
 * decides); the others get the row that is already there.
 */
export async function claimIdempotencyKey(
  id: IdempotencyKeyId,
  requestHash: string,
  db?: Db,
  attempt = 0,
): Promise<{ isClaimed: true } | { isClaimed: false; row: IdempotencyKeyRow }> {
  const database = db ?? (await getDb());
  await database
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${KEY_LIFETIME_MS / 1000})`));
  const inserted = await database
    .insert(idempotencyKeys)
    .values({ ...id, requestHash, state: "pending" })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length === 1) return { isClaimed: true };
  const row = await readIdempotencyKey(id, database);
  // Deleted between our insert and read (the first request failed): let the caller claim again.
  if (!row && attempt < 3) return claimIdempotencyKey(id, requestHash, database, attempt + 1);
  if (!row) throw new Error("The idempotency key kept changing hands; giving up.");
  return { isClaimed: false, row };
}

export async function readIdempotencyKey(id: IdempotencyKeyId, db?: Db): Promise<IdempotencyKeyRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(idempotencyKeys).where(whereKey(id));
  return row ?? null;
}

/**
 * Records what the request made; `response` must hold no secret (it is replayed to repeats). With `from`,
 * only a key still in that state changes, so of several requests settling one key exactly one wins (true).
 */
export async function completeIdempotencyKey(
  id: IdempotencyKeyId,
  result: { resourceId: string; response: Record<string, unknown> },
  db?: Db,
  from?: IdempotencyKeyRow["state"],
): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(idempotencyKeys)
    .set({ state: "done", resourceId: result.resourceId, response: result.response })
    .where(from ? and(whereKey(id), eq(idempotencyKeys.state, from)) : whereKey(id))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** Keeps a key whose create may or may not have happened: a resubmit must look before it creates. */
export async function markIdempotencyKeyUnknown(id: IdempotencyKeyId, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(idempotencyKeys).set({ state: "unknown" }).where(whereKey(id));
}

/**
 * Takes a key back for a new attempt once its create is known not to have happened (or its request died
 * while pending). True for exactly one of several concurrent callers.
 */
export async function reclaimIdempotencyKey(
  id: IdempotencyKeyId,
  from: readonly IdempotencyKeyRow["state"][],
  db?: Db,
): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(idempotencyKeys)
    .set({ state: "pending", createdAt: sql`now()` })
    .where(and(whereKey(id), inArray(idempotencyKeys.state, [...from])))
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

/** Frees a key whose request failed, so that the same submission may be tried again. */
export async function releaseIdempotencyKey(id: IdempotencyKeyId, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.delete(idempotencyKeys).where(whereKey(id));
}
