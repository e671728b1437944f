// The constants of the jobs, audit, approvals, alerts, staff, access-review and saved-view forms and
// filters, without zod (see values.ts); apart from values.ts so that every page does not carry them.

// jobs
export const jobActions = [
  "account.disable",
  "account.enable",
  "account.channel_limit",
  "account.pricing",
  "org_user.remove",
] as const;
export const jobStatuses = ["queued", "running", "succeeded", "partial", "failed", "cancelled"] as const;
export const jobItemStatuses = ["pending", "running", "done", "failed", "skipped", "cancelled"] as const;
/** Above this many items the person types "<verb> <count>" to confirm. */
export const confirmAbove = 25;
/** The word a confirmation starts with: "disable 240", "set 40", "pricing 30", "remove 26". */
type JobAction = (typeof jobActions)[number];
export const confirmVerbs: Record<JobAction, string> = {
  "account.disable": "disable",
  "account.enable": "enable",
  "account.channel_limit": "set",
  "account.pricing": "pricing",
  "org_user.remove": "remove",
};
export function confirmationText(action: JobAction, count: number): string {
  return `${confirmVerbs[action]} ${count}`;
}

// audit
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

// approvals
export const approvalStatusNames = [
  "pending",
  "approved",
  "denied",
  "expired",
  "executed",
  "failed",
] as const;

// alerts
export const alertStatuses = ["open", "acknowledged", "all"] as const;
export const deliveryStatuses = ["pending", "delivered", "failed"] as const;

// staff
// The server's rule (lib/auth/password.ts) is the authority; this lets the form say so before sending.
export const minStaffPasswordLength = 12;

// access-reviews
export const maxReviewNameLength = 120;

// saved-views
export const maxSavedViewNameLength = 80;
