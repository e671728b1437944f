// Shared by the managed-accounts API tests: the simulator's own state (what "right" means), request
// counters (what reached Telnyx) and the audit trail as the console reports it.
import { expect } from "vitest";
import type { ApiClient } from "../support/api-client";
import { simUrl } from "../support/env";
import { requestCounts } from "../support/sim-control";

export interface SimAccount {
  id: string;
  email: string;
  organization_name: string;
  status: "enabled" | "disabled" | "cancelled" | "blocked";
  channel_limit: number | null;
  managed_account_allow_custom_pricing: boolean;
  rollup_billing: boolean;
  created_at: string;
}

async function simState<T>(path: string): Promise<T> {
  const response = await fetch(`${simUrl()}/__sim/state/${path}`);
  if (!response.ok) throw new Error(`sim state ${path} answered ${response.status}`);
  return ((await response.json()) as { data: T }).data;
}

export const simAccounts = () => simState<SimAccount[]>("accounts");
export const simAccount = (id: string) => simState<SimAccount>(`accounts/${id}`);
export const simPool = () => simState<{ allocatable: number; allocated: number }>("pool");

/** The first seeded account in this status, by the simulator's own order. */
export async function pickAccount(predicate: (account: SimAccount) => boolean): Promise<SimAccount> {
  const account = (await simAccounts()).find(predicate);
  if (!account) throw new Error("The seed has no account that fits this test.");
  return account;
}

export function totalCalls(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, value) => sum + value, 0);
}

/** Runs `work` and checks that the simulator saw no request at all meanwhile. */
export async function expectNoUpstreamCall<T>(work: () => Promise<T>): Promise<T> {
  const before = totalCalls(await requestCounts());
  const result = await work();
  expect(totalCalls(await requestCounts())).toBe(before);
  return result;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string>; retryAfter?: number };
}

export async function expectError(
  response: Response,
  status: number,
  code: string,
  field?: string,
): Promise<ErrorBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorBody;
  expect(body.error.code).toBe(code);
  if (field) expect(body.error.fields?.[field], text).toEqual(expect.any(String));
  return body;
}

/** A flat view of one audit row, whatever nesting the audit API chooses for the actor. */
export interface AuditView {
  action: string;
  actorEmail?: string;
  targetId?: string;
  reason?: string | null;
  outcome: string;
  requestId?: string;
  requestSummary?: Record<string, unknown> | null;
  raw: Record<string, unknown>;
}

export async function auditRows(client: ApiClient, filters: { action: string; target?: string }) {
  const query = new URLSearchParams({ action: filters.action, pageSize: "100" });
  if (filters.target) query.set("target", filters.target);
  const response = await client.get(`/api/audit?${query}`);
  // A short message, not a 404 page's HTML: until the audit API exists this is what fails.
  if (!response.ok) throw new Error(`GET /api/audit?${query} answered ${response.status}`);
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  return body.data.map((row): AuditView => {
    const actor = row.actor as { email?: string } | undefined;
    return {
      action: row.action as string,
      actorEmail: (row.actorEmail as string | undefined) ?? actor?.email,
      targetId: (row.targetId as string | undefined) ?? (row.target as { id?: string } | undefined)?.id,
      reason: row.reason as string | null | undefined,
      outcome: row.outcome as string,
      requestId: row.requestId as string | undefined,
      requestSummary: (row.requestSummary ?? row.summary) as Record<string, unknown> | null | undefined,
      raw: row,
    };
  });
}

/**
 * The audit rows written by these requests (by their x-request-id), one per request. The seed's ids repeat
 * after every simulator reset and other files (and the browser tests) change the same accounts, so a count of
 * all rows for a target would depend on what ran before.
 */
export async function auditRowsOf(
  client: ApiClient,
  filters: { action: string; target?: string },
  requestIds: readonly (string | null)[],
): Promise<AuditView[]> {
  const rows = await auditRows(client, filters);
  const wanted = requestIds.filter((id): id is string => Boolean(id));
  expect(wanted).toHaveLength(requestIds.length);
  const mine = wanted.map((id) => rows.filter((row) => row.requestId === id));
  for (const found of mine) expect(found).toHaveLength(1);
  return mine.map((found) => found[0]!);
}

export const reason = "Customer asked for it on ticket 4711";
