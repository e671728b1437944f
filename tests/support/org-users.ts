import type { ApiClient } from "./api-client";
import { simUrl } from "./env";

// Helpers for the organization-users API tests: the simulator's own view of its users (the expected
// values come from here, never from the console under test) and the audit rows the console wrote.

export interface SimUser {
  id: string;
  email: string;
  record_type: "organization_owner" | "organization_sub_user";
  user_status: "enabled" | "disabled" | "blocked";
  created_at: string;
  last_sign_in_at: string | null;
  organization_user_bypasses_sso: boolean;
  /** Group names, in the simulator's order. */
  groups: string[];
}

async function simControl<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simUrl()}/__sim${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} /__sim${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every user the simulator holds, oldest first (the order Telnyx lists them in). */
export async function simUsers(): Promise<SimUser[]> {
  return (await simControl<{ data: SimUser[] }>("GET", "/state/users")).data;
}

/** Adds one user to the simulator (POST /__sim/users); groups are names, created when new. */
export async function addSimUser(user: {
  email: string;
  groups?: string[];
  user_status?: SimUser["user_status"];
  last_sign_in_at?: string | null;
  organization_user_bypasses_sso?: boolean;
}): Promise<{ id: string; email: string }> {
  return (await simControl<{ data: { id: string; email: string } }>("POST", "/users", user)).data;
}

/** A flat view of one audit row, whatever nesting the audit API chooses for the actor and target. */
export interface AuditRow {
  action: string;
  actorEmail?: string;
  targetId?: string;
  targetLabel?: string;
  reason?: string | null;
  outcome: string;
  requestSummary?: Record<string, unknown> | null;
  raw: Record<string, unknown>;
}

/** Audit rows for one action (newest first) through the console's own audit API, GET /api/audit. */
export async function auditRows(client: ApiClient, action: string, target?: string): Promise<AuditRow[]> {
  const query = new URLSearchParams({ action, pageSize: "100" });
  if (target) query.set("target", target);
  const response = await client.get(`/api/audit?${query}`);
  // Short on purpose: a missing route answers a whole HTML page.
  if (!response.ok) throw new Error(`GET /api/audit?${query} answered ${response.status}`);
  const body = (await response.json()) as { data: Record<string, unknown>[] };
  return body.data.map((row) => {
    const actor = row.actor as { email?: string } | undefined;
    const targetObject = row.target as { id?: string; label?: string } | undefined;
    return {
      action: row.action as string,
      actorEmail: (row.actorEmail as string | undefined) ?? actor?.email,
      targetId: (row.targetId as string | undefined) ?? targetObject?.id,
      targetLabel: (row.targetLabel as string | undefined) ?? targetObject?.label,
      reason: row.reason as string | null | undefined,
      outcome: row.outcome as string,
      requestSummary: row.requestSummary as Record<string, unknown> | null | undefined,
      raw: row,
    };
  });
}

export const DAY_MS = 86_400_000;

/** The review's rule, restated from the issue (no sign-in for 90 days, or never) for expected values. */
export function expectedReasons(user: SimUser, now = Date.now()): string[] {
  const reasons: string[] = [];
  if (user.last_sign_in_at === null) reasons.push("never_signed_in");
  else if (now - Date.parse(user.last_sign_in_at) >= 90 * DAY_MS) reasons.push("dormant");
  if (user.organization_user_bypasses_sso) reasons.push("bypasses_sso");
  return reasons;
}
