// The audit trail's filter values and instant parsing, without zod (see values.ts): apart from
// feature-values.ts, whose other pages (jobs, alerts, approvals...) do not need the list of audit actions.

export const auditOutcomes = ["pending", "success", "failure", "denied", "unknown"] as const;
/** Actions the console writes today, for the filter's select (the filter also takes free text). */
export const knownAuditActions = [
  "account.create",
  "account.disable",
  "account.enable",
  "account.pricing.update",
  "account.channel_limit.update",
  "account.alert_threshold.update",
  "alert.acknowledge",
  "org_user.remove",
  "report.export",
  "staff.create",
  "staff.role.update",
  "staff.disable",
  "staff.enable",
  "staff.password.reset",
  "staff.mfa.reset",
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.mfa.enrol",
  "auth.mfa.enable",
  "authz.denied",
  "job.account.disable",
  "job.account.enable",
  "job.account.channel_limit",
  "job.account.pricing",
  "job.org_user.remove",
  "job.cancel",
  "view.create",
  "view.delete",
  "access_review.start",
  "access_review.decide",
  "access_review.close",
  "balance.refresh",
] as const;

// A date, or a date and time with an optional offset. No offset means UTC: the page says so, and the
// datetime-local inputs it sends have none.
const instantPattern =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Parses a query-string instant to a normalized ISO string (UTC), or null when it is not one. */
export function toIsoInstant(value: string): string | null {
  const text = value.trim();
  if (!instantPattern.test(text)) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.includes("T");
  const isDateOnly = text.length === 10;
  const date = new Date(isDateOnly ? `${text}T00:00:00Z` : hasZone ? text : `${text.replace(" ", "T")}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
