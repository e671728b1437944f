import type { ApiClient } from "./api-client";

// The audit trail as the console's own audit API reports it (GET /api/audit), flattened so the tests
// do not care whether the API nests the actor and target or not.

export interface FullAuditRow {
  id: string;
  occurredAt: string;
  completedAt: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  reason: string | null;
  requestSummary: Record<string, unknown> | null;
  outcome: string;
  upstreamStatus: number | null;
  errorCode: string | null;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  raw: Record<string, unknown>;
}

type Bag = Record<string, unknown>;
const objectAt = (row: Bag, key: string): Bag =>
  row[key] && typeof row[key] === "object" ? (row[key] as Bag) : {};
const first = (...values: unknown[]) => values.find((value) => value !== undefined) ?? null;

export function flattenAuditRow(row: Bag): FullAuditRow {
  const actor = objectAt(row, "actor");
  const target = objectAt(row, "target");
  const request = objectAt(row, "request");
  return {
    id: row.id as string,
    occurredAt: first(row.occurredAt, row.time, row.at) as string,
    completedAt: first(row.completedAt) as string | null,
    actorId: first(row.actorId, actor.id) as string | null,
    actorEmail: first(row.actorEmail, actor.email) as string | null,
    actorRole: first(row.actorRole, actor.role, row.role) as string | null,
    action: row.action as string,
    targetType: first(row.targetType, target.type) as string | null,
    targetId: first(row.targetId, target.id) as string | null,
    targetLabel: first(row.targetLabel, target.label) as string | null,
    reason: first(row.reason) as string | null,
    requestSummary: first(row.requestSummary, row.summary, request.summary) as Bag | null,
    outcome: first(row.outcome) as string,
    upstreamStatus: first(row.upstreamStatus) as number | null,
    errorCode: first(row.errorCode) as string | null,
    requestId: first(row.requestId, request.id) as string | null,
    clientIp: first(row.clientIp, request.clientIp, row.ip) as string | null,
    userAgent: first(row.userAgent, request.userAgent) as string | null,
    raw: row,
  };
}

/** Newest first, as the API orders them. */
export async function listAuditRows(
  client: ApiClient,
  filters: { action?: string; target?: string; actor?: string; pageSize?: number },
): Promise<FullAuditRow[]> {
  const query = new URLSearchParams({ pageSize: String(filters.pageSize ?? 100) });
  for (const key of ["action", "target", "actor"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  const response = await client.get(`/api/audit?${query}`);
  // Short on purpose: a missing route answers a whole HTML page.
  if (!response.ok) throw new Error(`GET /api/audit?${query} answered ${response.status}`);
  const body = (await response.json()) as { data: Bag[] };
  return body.data.map(flattenAuditRow);
}

/** The rows written for one request id (the answer's x-request-id). */
export async function auditRowsOfRequest(
  client: ApiClient,
  requestId: string,
  filters: { action?: string; target?: string },
): Promise<FullAuditRow[]> {
  return (await listAuditRows(client, filters)).filter((row) => row.requestId === requestId);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `find` returns something, or fails after `timeoutMs`. */
export async function waitFor<T>(
  find: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}
