// The audit trail: intent before the upstream call, outcome after; one-shot rows for the rest.
// Rows are only ever appended or completed (the database's trigger refuses anything else).
import "server-only";
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Role } from "@/lib/auth/permissions";
import { auditWhere, type AuditFilters } from "./audit-filters";
import type { Db } from "./connection";
import { getDb } from "./client";
import { STALE_PENDING_MS, sweepStalePending } from "./maintenance";
import { auditEvents, type AuditEventRow, type AuditOutcome } from "./schema";

export type { AuditFilters, AuditEventRow, AuditOutcome };

export { STALE_PENDING_MS };

export interface AuditActor {
  id: string;
  email: string;
  role: Role;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string;
  targetType?: string;
  targetId?: string;
  targetLabel?: string;
  reason?: string;
  requestSummary?: Record<string, unknown>;
  requestId: string;
  clientIp?: string;
  userAgent?: string;
}

export type OneShotOutcome = Exclude<AuditOutcome, "pending">;

const SECRET_KEY = /password|secret|token|api_?key/i;

/** Callers pass no secrets; this drops any key that looks like one anyway, at any depth. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, inner]) => [key, stripSecrets(inner)]),
    );
  }
  return value;
}

function toRow(entry: AuditEntry, outcome: AuditOutcome) {
  return {
    actorId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel ?? null,
    reason: entry.reason ?? null,
    requestSummary: entry.requestSummary
      ? (stripSecrets(entry.requestSummary) as Record<string, unknown>)
      : null,
    outcome,
    requestId: entry.requestId,
    clientIp: entry.clientIp ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
  };
}

/** Writes the intent row (outcome pending) before the upstream call; returns its id. */
export async function startAudit(entry: AuditEntry, db?: Db): Promise<string> {
  const database = db ?? (await getDb());
  const [row] = await database
    .insert(auditEvents)
    .values(toRow(entry, "pending"))
    .returning({ id: auditEvents.id });
  if (!row) throw new Error("The audit intent row was not written.");
  return row.id;
}

export interface AuditCompletion {
  outcome: "success" | "failure";
  upstreamStatus?: number;
  errorCode?: string;
  /** What only the answer tells: a created account's id, an account's email. Fills only what is missing. */
  target?: { id?: string; label?: string };
}

/**
 * Completes an intent row. Only an uncompleted row changes: pending, or swept to "unknown" while the
 * upstream was slow (the real outcome beats the guess). Returns false when there was nothing to complete.
 */
export async function finishAudit(id: string, completion: AuditCompletion, db?: Db): Promise<boolean> {
  const database = db ?? (await getDb());
  const rows = await database
    .update(auditEvents)
    .set({
      outcome: completion.outcome,
      upstreamStatus: completion.upstreamStatus ?? null,
      errorCode: completion.errorCode ?? null,
      completedAt: sql`now()`,
      ...(completion.target?.id
        ? { targetId: sql`coalesce(${auditEvents.targetId}, ${completion.target.id})` }
        : {}),
      ...(completion.target?.label
        ? {
            targetLabel: sql`case when ${auditEvents.targetLabel} is null or ${auditEvents.targetLabel} = ${auditEvents.targetId} then ${completion.target.label} else ${auditEvents.targetLabel} end`,
          }
        : {}),
    })
    .where(
      and(
        eq(auditEvents.id, id),
        isNull(auditEvents.completedAt),
        inArray(auditEvents.outcome, ["pending", "unknown"]),
      ),
    )
    .returning({ id: auditEvents.id });
  return rows.length === 1;
}

/** A change whose outcome could not be told: "unknown" now, still open for finishAudit to settle later. */
export async function markAuditUnknown(id: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(auditEvents)
    .set({ outcome: "unknown" })
    .where(and(eq(auditEvents.id, id), eq(auditEvents.outcome, "pending"), isNull(auditEvents.completedAt)));
}

/** One-shot rows: sign-in success and failure, authz.denied, report.export. */
export async function recordAudit(
  entry: AuditEntry & { outcome: OneShotOutcome; upstreamStatus?: number; errorCode?: string },
  db?: Db,
): Promise<string> {
  const database = db ?? (await getDb());
  const [row] = await database
    .insert(auditEvents)
    .values({
      ...toRow(entry, entry.outcome),
      upstreamStatus: entry.upstreamStatus ?? null,
      errorCode: entry.errorCode ?? null,
      completedAt: sql`now()`,
    })
    .returning({ id: auditEvents.id });
  if (!row) throw new Error("The audit row was not written.");
  return row.id;
}

/** Marks pending rows older than `olderThanMs` (database time) as unknown; returns how many. */
export async function markStalePendingAsUnknown(
  olderThanMs: number = STALE_PENDING_MS,
  db?: Db,
): Promise<number> {
  return sweepStalePending(db ?? (await getDb()), olderThanMs);
}

export interface AuditPage extends AuditFilters {
  page: number;
  pageSize: number;
}

export async function listAudit(
  filters: AuditPage,
  db?: Db,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const database = db ?? (await getDb());
  await markStalePendingAsUnknown(STALE_PENDING_MS, database);
  const where = auditWhere(filters);
  const pageSize = Math.min(Math.max(1, Math.floor(filters.pageSize)), 500);
  const page = Math.max(1, Math.floor(filters.page));
  const [rows, totals] = await Promise.all([
    database
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    database.select({ value: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: totals[0]?.value ?? 0 };
}

export async function getAuditEvent(id: string, db?: Db): Promise<AuditEventRow | null> {
  const database = db ?? (await getDb());
  await markStalePendingAsUnknown(STALE_PENDING_MS, database);
  const [row] = await database.select().from(auditEvents).where(eq(auditEvents.id, id));
  return row ?? null;
}

/** The whole filtered set, newest first, in keyset-paged batches: memory stays flat for any export size. */
export async function* iterateAudit(
  filters: AuditFilters,
  options: { batchSize?: number; db?: Db } = {},
): AsyncGenerator<AuditEventRow[]> {
  const database = options.db ?? (await getDb());
  await markStalePendingAsUnknown(STALE_PENDING_MS, database);
  const batchSize = options.batchSize ?? 500;
  let cursor: { occurredAt: Date; id: string } | null = null;
  for (;;) {
    const after: ReturnType<typeof or> = cursor
      ? or(
          lt(auditEvents.occurredAt, cursor.occurredAt),
          and(eq(auditEvents.occurredAt, cursor.occurredAt), lt(auditEvents.id, cursor.id)),
        )
      : undefined;
    const rows: AuditEventRow[] = await database
      .select()
      .from(auditEvents)
      .where(and(auditWhere(filters), after))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    const last: AuditEventRow = rows[rows.length - 1]!;
    cursor = { occurredAt: last.occurredAt, id: last.id };
    if (rows.length < batchSize) return;
  }
}
