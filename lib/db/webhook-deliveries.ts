// Outgoing webhook deliveries and their attempts (the delivery log). A delivery is claimed by moving its
// next_attempt_at past the attempt's time limit in one UPDATE: a second worker (another instance, or a
// duplicate wake-up) finds it not due and leaves it, so each attempt is made once.
import "server-only";
import { and, asc, count, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import {
  webhookDeliveries,
  webhookDeliveryAttempts,
  type WebhookDeliveryAttemptRow,
  type WebhookDeliveryRow,
} from "./schema";

export type { WebhookDeliveryAttemptRow, WebhookDeliveryRow };

/** Claims a due, pending delivery for `leaseMs`; null when it is not due, not pending, or not there. */
export async function claimDelivery(
  id: string,
  leaseMs: number,
  db?: Db,
): Promise<WebhookDeliveryRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(webhookDeliveries)
    .set({ nextAttemptAt: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, sql`now()`),
      ),
    )
    .returning();
  return row ?? null;
}

/** Queues one event for the webhook (due now); the alert path writes its row inside its own transaction. */
export async function insertDelivery(
  input: { eventId: string; eventType: string; url: string; body: string },
  db?: Db,
): Promise<string> {
  const database = db ?? (await getDb());
  const [row] = await database
    .insert(webhookDeliveries)
    .values({ ...input, nextAttemptAt: sql`now()` })
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  return row?.id ?? "";
}

export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** delivered (a 2xx), pending again at `retryAt`, or failed for good. */
  result: { status: "delivered" } | { status: "pending"; retryAt: Date } | { status: "failed" };
}

/** Logs one attempt and moves the delivery on, in one transaction. */
export async function recordAttempt(delivery: WebhookDeliveryRow, outcome: AttemptOutcome, db?: Db) {
  const database = db ?? (await getDb());
  await database.transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({
      deliveryId: delivery.id,
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
    });
    const { result } = outcome;
    await tx
      .update(webhookDeliveries)
      .set({
        status: result.status,
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastStatusCode: outcome.statusCode,
        lastError: outcome.error,
        nextAttemptAt: result.status === "pending" ? result.retryAt : null,
        deliveredAt: result.status === "delivered" ? sql`now()` : null,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
  });
}

/** Pending deliveries whose wake-up should have come by `before`: lost with a crashed process, or never sent. */
export async function overdueDeliveryIds(before: Date, db?: Db): Promise<string[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, before)))
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(100);
  return rows.map((row) => row.id);
}

export type DeliveryListRow = Omit<WebhookDeliveryRow, "body"> & { attemptLog: WebhookDeliveryAttemptRow[] };

export async function listDeliveries(
  filters: { status?: WebhookDeliveryRow["status"]; page: number; pageSize: number },
  db?: Db,
): Promise<{ rows: DeliveryListRow[]; totalResults: number }> {
  const database = db ?? (await getDb());
  const where = filters.status ? eq(webhookDeliveries.status, filters.status) : undefined;
  const rows = await database
    .select()
    .from(webhookDeliveries)
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [total] = await database.select({ value: count() }).from(webhookDeliveries).where(where);
  const attempts =
    rows.length === 0
      ? []
      : await database
          .select()
          .from(webhookDeliveryAttempts)
          .where(
            inArray(
              webhookDeliveryAttempts.deliveryId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(webhookDeliveryAttempts.attemptedAt));
  return {
    rows: rows.map(({ body: _body, ...row }) => ({
      ...row,
      attemptLog: attempts.filter((attempt) => attempt.deliveryId === row.id),
    })),
    totalResults: total?.value ?? 0,
  };
}
