// The audit page's URL state. One set of nuqs parsers for the server page (first render) and the client
// table (later changes), so both ask for the same query from the same address.
import {
  createLoader,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import type { AuditFilterQuery, AuditListQuery } from "@/lib/schemas/audit";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/values";
import { auditOutcomes, toIsoInstant } from "@/lib/schemas/audit-values";

export const auditUrlParsers = {
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
  actor: parseAsString.withDefault(""),
  action: parseAsString.withDefault(""),
  target: parseAsString.withDefault(""),
  // As a datetime-local input holds them (2025-01-31T13:45), read as UTC.
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  outcome: parseAsStringLiteral(auditOutcomes),
  // The row whose details are open.
  event: parseAsString,
};

export const loadAuditUrlState = createLoader(auditUrlParsers);

export interface AuditUrlState {
  page: number;
  pageSize: number;
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
  outcome: (typeof auditOutcomes)[number] | null;
}

/** The API's filters for a URL state; a time the API would refuse is left out rather than sent. */
export function toAuditFilterQuery(state: AuditUrlState): AuditFilterQuery {
  const text = (value: string, max: number) => value.trim().slice(0, max) || undefined;
  const from = state.from ? (toIsoInstant(state.from) ?? undefined) : undefined;
  const to = state.to ? (toIsoInstant(state.to) ?? undefined) : undefined;
  const query: AuditFilterQuery = {
    actor: text(state.actor, 254),
    action: text(state.action, 100),
    target: text(state.target, 254),
    from,
    to: from && to && to <= from ? undefined : to,
    outcome: state.outcome ?? undefined,
  };
  // Undefined keys dropped, so the server's and the browser's query keys hash the same.
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as AuditFilterQuery;
}

export function toAuditListQuery(state: AuditUrlState): AuditListQuery {
  return {
    page: Math.min(Math.max(1, Math.floor(state.page)), 100_000),
    pageSize: state.pageSize,
    ...toAuditFilterQuery(state),
  };
}

/** Whether the URL's range is one the list could not apply (shown next to the inputs). */
export function timeRangeProblem(state: Pick<AuditUrlState, "from" | "to">): string | null {
  if (state.from && !toIsoInstant(state.from)) return "From is not a valid date and time; it is ignored.";
  if (state.to && !toIsoInstant(state.to)) return "To is not a valid date and time; it is ignored.";
  const from = state.from && toIsoInstant(state.from);
  const to = state.to && toIsoInstant(state.to);
  if (from && to && to <= from) return "To must be later than From; it is ignored until it is.";
  return null;
}
