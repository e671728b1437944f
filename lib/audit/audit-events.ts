// Audit rows as our API answers them; the list and the detail read through here (handlers and pages).
import "server-only";
import { AppError } from "@/lib/api/errors";
import { getAuditEvent, listAudit, STALE_PENDING_MS, type AuditEventRow } from "@/lib/db/audit";
import type { ListResult } from "@/lib/schemas/common";
import type { AuditEventDto, AuditFilterQuery, AuditListQuery } from "@/lib/schemas/audit";

/** The database's filters for our query (the same for the list and the export). */
export function toAuditFilters(query: AuditFilterQuery) {
  return {
    actor: query.actor,
    action: query.action,
    target: query.target,
    from: query.from,
    to: query.to,
    outcome: query.outcome,
  };
}

// Reads sweep stale intents first; this also covers a row that went stale between the sweep and the read.
function outcomeOf(row: AuditEventRow, now: number): AuditEventDto["outcome"] {
  if (row.outcome === "pending" && now - row.occurredAt.getTime() > STALE_PENDING_MS) return "unknown";
  return row.outcome;
}

export function toAuditEventDto(row: AuditEventRow, now = Date.now()): AuditEventDto {
  const hasActor = row.actorId !== null || row.actorEmail !== null;
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    actor: hasActor ? { id: row.actorId, email: row.actorEmail, role: row.actorRole } : null,
    action: row.action,
    target: { type: row.targetType, id: row.targetId, label: row.targetLabel },
    reason: row.reason,
    requestSummary: row.requestSummary ?? null,
    outcome: outcomeOf(row, now),
    upstreamStatus: row.upstreamStatus,
    errorCode: row.errorCode,
    requestId: row.requestId,
    clientIp: row.clientIp,
    userAgent: row.userAgent,
    actorEmail: row.actorEmail,
    actorRole: row.actorRole,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
  };
}

export async function listAuditEvents(query: AuditListQuery): Promise<ListResult<AuditEventDto>> {
  const { rows, total } = await listAudit({
    ...toAuditFilters(query),
    page: query.page,
    pageSize: query.pageSize,
  });
  const now = Date.now();
  return {
    data: rows.map((row) => toAuditEventDto(row, now)),
    meta: {
      page: query.page,
      pageSize: query.pageSize,
      totalPages: Math.ceil(total / query.pageSize),
      totalResults: total,
    },
  };
}

export async function getAuditEventDto(id: string): Promise<AuditEventDto> {
  const row = await getAuditEvent(id);
  if (!row) throw new AppError("not_found", "There is no audit event with this id.");
  return toAuditEventDto(row);
}
