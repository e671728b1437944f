// Turns the audit page's filters into one WHERE clause, shared by the paged list and the CSV export.
import "server-only";
import { and, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { auditEvents, type AuditOutcome } from "./schema";

export interface AuditFilters {
  /** Actor email (contains, case-insensitive) or an actor id (exact). */
  actor?: string;
  /** An exact action such as `account.disable`, or a family such as `account.*`. */
  action?: string;
  /** A target id (exact) or a piece of the target label (contains, case-insensitive). */
  target?: string;
  /** Inclusive lower bound. */
  from?: Date | string;
  /** Exclusive upper bound. */
  to?: Date | string;
  /** One outcome exactly (stale pending rows are swept to "unknown" before any read). */
  outcome?: AuditOutcome;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A user's "50%" must match those characters, not act as a wildcard.
function containsPattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function toDate(value: Date | string): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function auditWhere(filters: AuditFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const actor = filters.actor?.trim();
  if (actor) {
    conditions.push(
      UUID.test(actor)
        ? or(eq(auditEvents.actorId, actor), ilike(auditEvents.actorEmail, containsPattern(actor)))
        : ilike(auditEvents.actorEmail, containsPattern(actor)),
    );
  }
  const action = filters.action?.trim();
  if (action) {
    conditions.push(
      action.endsWith(".*")
        ? sql`${auditEvents.action} like ${action.slice(0, -1).replace(/[\\%_]/g, "\\$&") + "%"}`
        : eq(auditEvents.action, action),
    );
  }
  const target = filters.target?.trim();
  if (target) {
    conditions.push(
      or(eq(auditEvents.targetId, target), ilike(auditEvents.targetLabel, containsPattern(target))),
    );
  }
  const from = filters.from === undefined ? null : toDate(filters.from);
  if (from) conditions.push(gte(auditEvents.occurredAt, from));
  const to = filters.to === undefined ? null : toDate(filters.to);
  if (to) conditions.push(lt(auditEvents.occurredAt, to));
  if (filters.outcome) conditions.push(eq(auditEvents.outcome, filters.outcome));
  return conditions.length > 0 ? and(...conditions) : undefined;
}
