// What an audit row did, in words and values ("Channel limit 10 → 5"), from its action, target and request
// summary. Used by the audit table, its detail dialog and every history list, so one row reads the same
// everywhere; the raw action code stays in the detail dialog. No server imports: the browser runs it.
import type { AuditEventDto } from "@/lib/schemas/audit";

export type DescribableEvent = Pick<AuditEventDto, "action" | "target" | "requestSummary" | "reason">;

export interface AuditDescription {
  /** The main text: what was done, with the values. */
  summary: string;
  /** Who or what it was done to, in words ("acme@example.com", "Bulk job 1f2e…"); null when nothing. */
  target: string | null;
  /** What kind of thing the target is, in words ("Account", "Staff member"); null for a job or nothing. */
  targetKind: string | null;
  /** A second line when there is more to say (the business name of a new account, a job's parent). */
  detail: string | null;
}

type Summary = Record<string, unknown>;

const onOff = (value: unknown) => (value === true ? "on" : value === false ? "off" : "?");
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/** The row's label, unless it is only the id again (intent rows written before Telnyx named the target). */
function labelOf(event: DescribableEvent): string | null {
  const { label, id } = event.target;
  return label && label !== id ? label : null;
}

function targetOf(event: DescribableEvent): string | null {
  if (event.target.type === "job")
    return event.target.id ? `Bulk job ${shortId(event.target.id)}` : "Bulk job";
  return labelOf(event) ?? event.target.id;
}

const targetKinds: Record<string, string> = {
  managed_account: "Account",
  org_user: "User",
  staff: "Staff member",
  saved_view: "Saved view",
  access_review: "Access review",
  managed_accounts: "Report",
  org_users_report: "Report",
  audit_report: "Report",
  balance_alert: "Alert",
  balance_refresh: "Balance refresh",
};

function channelLimitChange(summary: Summary): string {
  const next = summary.channelLimit;
  const previous = summary.previousChannelLimit;
  if (isNumber(previous) && isNumber(next)) return `Channel limit ${previous} → ${next}`;
  return `Channel limit set to ${isNumber(next) ? next : "?"}`;
}

function thresholdChange(summary: Summary): string {
  const shown = (value: unknown, isDefault: unknown) =>
    `${text(value) ?? "?"}${isDefault === true ? " (default)" : ""}`;
  const next = shown(summary.threshold, summary.isDefault);
  if (!text(summary.previousThreshold)) return `Low-balance threshold set to ${next}`;
  return `Low-balance threshold ${shown(summary.previousThreshold, summary.previousIsDefault)} → ${next}`;
}

function pricingChange(summary: Summary): string {
  const previous = summary.previousAllowCustomPricing;
  if (typeof previous === "boolean") {
    return `Custom pricing ${onOff(previous)} → ${onOff(summary.allowCustomPricing)}`;
  }
  return `Custom pricing set to ${onOff(summary.allowCustomPricing)}`;
}

// A finished job's label is "240 items: 238 done, 2 failed, 0 skipped, 0 cancelled" (lib/jobs/job-outcome.ts).
const countsPattern = /(\d+) items: (\d+) done, (\d+) failed, (\d+) skipped, (\d+) cancelled/;

function jobCounts(event: DescribableEvent): string {
  const match = countsPattern.exec(event.target.label ?? "");
  if (!match) return "(not finished)";
  const [, , done, failed, skipped, cancelled] = match.map(Number);
  const parts = [`done ${done}`, `failed ${failed}`];
  if (skipped) parts.push(`skipped ${skipped}`);
  if (cancelled) parts.push(`cancelled ${cancelled}`);
  return `(${parts.join(", ")})`;
}

function jobWhat(jobAction: string, total: number, params: Summary): string {
  const accounts = plural(total, "account", "accounts");
  switch (jobAction) {
    case "account.disable":
      return `disable ${accounts}`;
    case "account.enable":
      return `enable ${accounts}${params.reenableAllConnections === true ? " and their connections" : ""}`;
    case "account.channel_limit":
      return `set the channel limit to ${isNumber(params.channelLimit) ? params.channelLimit : "?"} on ${accounts}`;
    case "account.pricing":
      return `custom pricing ${onOff(params.allowCustomPricing)} for ${accounts}`;
    case "org_user.remove":
      return `remove ${plural(total, "user", "users")}`;
    default:
      return `${jobAction} on ${plural(total, "item", "items")}`;
  }
}

function describeJob(event: DescribableEvent, summary: Summary): string {
  const jobAction = event.action.slice("job.".length);
  const total = isNumber(summary.total) ? summary.total : 0;
  const params = (summary.params ?? {}) as Summary;
  const retry = text(summary.retryOf) ? " (retry of the failed items)" : "";
  return `Bulk job: ${jobWhat(jobAction, total, params)} ${jobCounts(event)}${retry}`;
}

const reportNames: Record<string, string> = {
  accounts: "the accounts list",
  audit: "the audit trail",
  job_items: "a bulk job's items",
  access_review_decisions: "an access review's decisions",
};

function describeExport(event: DescribableEvent, summary: Summary): string {
  const report = text(summary.report);
  const name =
    (report && reportNames[report]) ??
    (event.target.type === "org_users_report" ? "the users and groups report" : "a report");
  const format = text(summary.format);
  const rows = /: (\d+ rows?)/.exec(event.target.label ?? "")?.[1];
  return `Exported ${name}${format ? ` as ${format.toUpperCase()}` : ""}${rows ? `, ${rows}` : ""}`;
}

function describeOne(event: DescribableEvent, summary: Summary): string {
  const label = labelOf(event);
  const named = (what: string) => (label ? `${what} ${label}` : what);
  switch (event.action) {
    case "account.create":
      return named("Created the account");
    case "account.disable":
      return "Disabled the account";
    case "account.enable":
      return summary.reenableAllConnections === true
        ? "Enabled the account and all its connections"
        : "Enabled the account";
    case "account.pricing.update":
      return pricingChange(summary);
    case "account.channel_limit.update":
      return channelLimitChange(summary);
    case "account.alert_threshold.update":
      return thresholdChange(summary);
    case "alert.acknowledge":
      return `Acknowledged ${plural(isNumber(summary.count) ? summary.count : 1, "low-balance alert", "low-balance alerts")}`;
    case "org_user.remove":
      return named("Removed user");
    case "report.export":
      return describeExport(event, summary);
    case "staff.create":
      return `${named("Added staff member")}${text(summary.role) ? ` as ${text(summary.role)}` : ""}`;
    case "staff.role.update":
      return text(summary.previousRole)
        ? `Role ${text(summary.previousRole)} → ${text(summary.role) ?? "?"}`
        : `Role set to ${text(summary.role) ?? "?"}`;
    case "staff.disable":
      return named("Disabled staff member");
    case "staff.enable":
      return named("Enabled staff member");
    case "staff.password.reset":
      return label ? `Reset the password of ${label}` : "Reset a password";
    case "staff.mfa.reset":
      return label ? `Reset the two-factor authentication of ${label}` : "Reset two-factor authentication";
    case "auth.mfa.enrol":
      return "Began setting up two-factor authentication";
    case "auth.mfa.enable":
      return "Turned on two-factor authentication";
    case "auth.login":
      return signedInWith(summary);
    case "auth.login_failed": {
      const attempts =
        isNumber(summary.attempts) && summary.attempts > 1 ? ` (${summary.attempts} attempts)` : "";
      return `${named("Failed sign-in as")}${attempts}`;
    }
    case "auth.logout":
      return "Signed out";
    case "authz.denied": {
      const needs = /needs (\S+)$/.exec(event.reason ?? "")?.[1];
      return needs ? `Refused: needs the ${needs} permission` : "Refused: the role may not do this";
    }
    case "job.cancel":
      return `Cancelled a bulk job${text(summary.action) ? ` (${text(summary.action)})` : ""}`;
    case "view.create":
      return `${named("Saved the view")}${summary.shared === true ? ", shared with the team" : ""}`;
    case "view.delete":
      return named("Deleted the saved view");
    case "access_review.start":
      return `${named("Started the access review")}${text(summary.dueDate) ? `, due ${text(summary.dueDate)}` : ""}`;
    case "access_review.decide": {
      const count = isNumber(summary.count) ? summary.count : 0;
      const decision = text(summary.decision) ?? "?";
      return `Decided ${decision} for ${plural(count, "person", "people")}`;
    }
    case "access_review.close":
      return named("Closed the access review");
    case "balance.refresh":
      return "Started a refresh of every account's balance";
    case "auth.step_up":
      return "Confirmed it was them again (step-up)";
    case "approval.request":
      return `Asked for approval: ${approvalWords(summary.approvalAction)}`;
    case "approval.approve":
      return `Approved: ${approvalWords(summary.approvalAction)}${requesterOf(summary)}`;
    case "approval.deny":
      return `Denied: ${approvalWords(summary.approvalAction)}${requesterOf(summary)}`;
    case "approval.break_glass":
      return `BREAK-GLASS: ran without a second approver: ${approvalWords(summary.approvalAction)}`;
    case "approval.break_glass.review":
      return `Reviewed a break-glass action${requesterOf(summary)}`;
    default:
      return event.action;
  }
}

function detailOf(event: DescribableEvent, summary: Summary): string | null {
  const parts: string[] = [];
  if (event.action === "account.create") {
    if (text(summary.businessName)) parts.push(`Business “${text(summary.businessName)}”`);
    if ("allowCustomPricing" in summary) parts.push(`custom pricing ${onOff(summary.allowCustomPricing)}`);
    if ("rollupBilling" in summary) parts.push(`rollup billing ${onOff(summary.rollupBilling)}`);
  }
  if (event.action === "account.channel_limit.update" && !isNumber(summary.previousChannelLimit)) {
    // Older rows, job items and accounts the console never set: Telnyx has no read of a limit.
    parts.push("the earlier limit was not recorded");
  }
  if (summary.breakGlass === true && event.action !== "approval.break_glass") {
    parts.push("BREAK-GLASS: no second approver");
  }
  if (text(summary.approvalId) && !event.action.startsWith("approval.")) {
    parts.push(`run by approval ${shortId(text(summary.approvalId) ?? "")}`);
  }
  if (text(summary.jobId) && !event.action.startsWith("job.")) {
    parts.push(`part of bulk job ${shortId(text(summary.jobId) ?? "")}`);
  }
  return parts.length > 0 ? parts.join(", ") : null;
}

/** The row in words: the summary line, the target and an optional second line. */
export function describeAuditEvent(event: DescribableEvent): AuditDescription {
  const summary = (event.requestSummary ?? {}) as Summary;
  return {
    summary:
      event.action.startsWith("job.") && event.action !== "job.cancel"
        ? describeJob(event, summary)
        : describeOne(event, summary),
    target: targetOf(event),
    targetKind: event.target.type ? (targetKinds[event.target.type] ?? null) : null,
    detail: detailOf(event, summary),
  };
}

/** A family or action for the filter, in words ("Every account action", "Channel limit changed"). */
export const auditActionLabels: Record<string, string> = {
  "account.*": "Every account action",
  "org_user.*": "Every user action",
  "job.*": "Every bulk job",
  "access_review.*": "Every access review action",
  "staff.*": "Every staff action",
  "auth.*": "Every sign-in and sign-out",
  "view.*": "Every saved view action",
  "account.create": "Account created",
  "account.disable": "Account disabled",
  "account.enable": "Account enabled",
  "account.pricing.update": "Custom pricing changed",
  "account.channel_limit.update": "Channel limit changed",
  "account.alert_threshold.update": "Low-balance threshold changed",
  "alert.acknowledge": "Low-balance alert acknowledged",
  "org_user.remove": "User removed",
  "report.export": "Report exported",
  "staff.create": "Staff member added",
  "staff.role.update": "Staff role changed",
  "staff.disable": "Staff member disabled",
  "staff.enable": "Staff member enabled",
  "staff.password.reset": "Staff password reset",
  "staff.mfa.reset": "Staff two-factor reset",
  "auth.mfa.enrol": "Two-factor set-up begun",
  "auth.mfa.enable": "Two-factor turned on",
  "auth.login": "Signed in",
  "auth.login_failed": "Sign-in failed",
  "auth.logout": "Signed out",
  "authz.denied": "Request refused",
  "job.account.disable": "Bulk disable",
  "job.account.enable": "Bulk enable",
  "job.account.channel_limit": "Bulk channel limit",
  "job.account.pricing": "Bulk custom pricing",
  "job.org_user.remove": "Bulk user removal",
  "job.cancel": "Bulk job cancelled",
  "view.create": "Saved view created",
  "view.delete": "Saved view deleted",
  "access_review.start": "Access review started",
  "access_review.decide": "Access review decision",
  "access_review.close": "Access review closed",
  "balance.refresh": "Balance refresh started",
  "approval.*": "Every approval action",
  "approval.request": "Approval asked for",
  "approval.approve": "Approval given",
  "approval.deny": "Approval denied",
  "approval.break_glass": "Break-glass execution",
  "approval.break_glass.review": "Break-glass reviewed",
  "auth.step_up": "Step-up confirmed",
};

const approvalActionWords: Record<string, string> = {
  "org_user.remove": "remove a user",
  "job.create": "a bulk job",
  "staff.make_admin": "make a staff member an admin",
  "access_review.remove": "an access review's removals",
};
const approvalWords = (action: unknown) => approvalActionWords[text(action) ?? ""] ?? text(action) ?? "?";
const requesterOf = (summary: Summary) =>
  text(summary.requestedBy) ? ` (asked by ${text(summary.requestedBy)})` : "";

// How a sign-in proved who it was (lib/auth/sign-in-session.ts writes method and, after a code, which one).
function signedInWith(summary: Record<string, unknown>): string {
  if (summary.method === "oidc") return "Signed in with single sign-on";
  if (summary.method !== "password+totp") return "Signed in";
  return summary.secondFactor === "recovery_code"
    ? "Signed in with password and a recovery code"
    : "Signed in with password and authenticator code";
}
