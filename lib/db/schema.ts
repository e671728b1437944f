// One schema for PGlite and PostgreSQL; drizzle-kit turns it into the SQL under ./migrations.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// The bulk job vocabularies are shared with the API's schemas (relative: drizzle-kit loads this file too).
import { jobActions, jobItemStatuses, jobStatuses } from "../schemas/jobs";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lowercased by the query layer; the unique index on lower() guards against a missed path.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "support", "viewer"] }).notNull(),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("staff_email_key").on(sql`lower(${table.email})`),
    check("staff_role_check", sql`${table.role} in ('admin', 'support', 'viewer')`),
    check("staff_status_check", sql`${table.status} in ('active', 'disabled')`),
  ],
);

export const authMethods = ["password", "password+totp", "oidc"] as const;

export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // How and when the person proved who they are (step-up compares these with the action's window):
    // null on rows from before they were recorded. auth_time is the identity provider's, for SSO.
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }),
    authMethod: text("auth_method", { enum: authMethods }),
    authTime: timestamp("auth_time", { withTimezone: true }),
    // A password sign-in by someone who must use MFA and has not enrolled: only enrolment is allowed.
    mfaEnrolmentRequired: boolean("mfa_enrolment_required").notNull().default(false),
  },
  (table) => [
    index("auth_sessions_staff_idx").on(table.staffId),
    check(
      "auth_sessions_auth_method_check",
      sql`${table.authMethod} in ('password', 'password+totp', 'oidc')`,
    ),
  ],
);

// One TOTP secret per person, sealed with AES-256-GCM (lib/auth/mfa/secret-box.ts). enabled_at is null
// while enrolment waits for its first code; last_used_step refuses a code played back (RFC 6238 §5.2).
export const staffMfa = pgTable("staff_mfa", {
  staffId: uuid("staff_id")
    .primaryKey()
    .references(() => staff.id, { onDelete: "cascade" }),
  secretCiphertext: text("secret_ciphertext").notNull(),
  createdAt: createdAt(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: integer("last_used_step"),
});

// Recovery codes as salted SHA-256 hashes (lib/auth/mfa/recovery-codes.ts), each usable once.
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("staff_recovery_codes_staff_idx").on(table.staffId)],
);

// rate-limiter-flexible's RateLimiterDrizzle store: one row per throttle key (hashed email and/or address,
// or a device), its failure count and when that count's window ends. Consumed with one atomic upsert.
export const signInLimits = pgTable(
  "sign_in_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull().default(0),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (table) => [index("sign_in_limits_expire_idx").on(table.expire)],
);

export const auditOutcomes = ["pending", "success", "failure", "denied", "unknown"] as const;

export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Millisecond precision, like a JS Date: the export's keyset cursor compares these exactly.
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true, precision: 3 }),
    // No foreign key: the trail must outlive any change to the staff table.
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetLabel: text("target_label"),
    reason: text("reason"),
    requestSummary: jsonb("request_summary").$type<Record<string, unknown>>(),
    outcome: text("outcome", { enum: auditOutcomes }).notNull(),
    upstreamStatus: integer("upstream_status"),
    errorCode: text("error_code"),
    requestId: text("request_id").notNull(),
    clientIp: text("client_ip"),
    userAgent: text("user_agent"),
  },
  (table) => [
    check(
      "audit_events_outcome_check",
      sql`${table.outcome} in ('pending', 'success', 'failure', 'denied', 'unknown')`,
    ),
    index("audit_events_occurred_at_idx").on(table.occurredAt),
    index("audit_events_actor_email_idx").on(table.actorEmail, table.occurredAt),
    index("audit_events_action_idx").on(table.action, table.occurredAt),
    index("audit_events_target_id_idx").on(table.targetId, table.occurredAt),
    // Only pending rows are swept to "unknown"; a partial index keeps that sweep cheap.
    index("audit_events_pending_idx")
      .on(table.occurredAt)
      .where(sql`${table.outcome} = 'pending'`),
  ],
);

export const accountMemory = pgTable(
  "account_memory",
  {
    managedAccountId: text("managed_account_id").primaryKey(),
    channelLimit: integer("channel_limit"),
    channelLimitSetBy: text("channel_limit_set_by"),
    channelLimitSetAt: timestamp("channel_limit_set_at", { withTimezone: true }),
    lastToggle: text("last_toggle", { enum: ["enabled", "disabled"] }),
    toggledBy: text("toggled_by"),
    toggledAt: timestamp("toggled_at", { withTimezone: true }),
  },
  (table) => [check("account_memory_toggle_check", sql`${table.lastToggle} in ('enabled', 'disabled')`)],
);

// Double-submit protection for create (a retried POST would make a second account): one row per key a staff
// member sent. It holds the created resource's id and its secret-free answer, never a secret. "unknown" is a
// create whose answer was lost and whose account was not (yet) found: a resubmit reconciles before anything.
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    staffId: uuid("staff_id").notNull(),
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state", { enum: ["pending", "done", "unknown"] }).notNull(),
    resourceId: text("resource_id"),
    response: jsonb("response").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.staffId, table.scope, table.key] }),
    index("idempotency_keys_created_at_idx").on(table.createdAt),
    check("idempotency_keys_state_check", sql`${table.state} in ('pending', 'done', 'unknown')`),
  ],
);

export type StaffRow = typeof staff.$inferSelect;
export type AuthSessionRow = typeof authSessions.$inferSelect;
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type AuditOutcome = (typeof auditOutcomes)[number];
export type AccountMemoryRow = typeof accountMemory.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

export const savedViewLists = ["accounts", "users"] as const;

// A named set of a list's filters, sort and page size. `query` is checked against that list's own query
// schema when written and again when read (lib/db/saved-views.ts), so an old row can never feed a list a
// query it no longer accepts. Names are unique per owner and list, whatever their case.
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerStaffId: uuid("owner_staff_id")
      .notNull()
      .references(() => staff.id),
    list: text("list", { enum: savedViewLists }).notNull(),
    name: text("name").notNull(),
    shared: boolean("shared").notNull().default(false),
    query: jsonb("query").$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("saved_views_owner_list_name_key").on(
      table.ownerStaffId,
      table.list,
      sql`lower(${table.name})`,
    ),
    index("saved_views_list_shared_idx").on(table.list, table.shared),
    check("saved_views_list_check", sql`${table.list} in ('accounts', 'users')`),
  ],
);

export type SavedViewRow = typeof savedViews.$inferSelect;

// A bulk change: its target is frozen into job_items at creation. pg-boss only wakes a driver; which items
// are left, the counts and the outcome live here. `lease_until` is the one-driver guard: a driver claims the
// job with UPDATE ... WHERE lease_until < now(), and renews the lease while it works.
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    action: text("action", { enum: jobActions }).notNull(),
    status: text("status", { enum: jobStatuses }).notNull().default("queued"),
    total: integer("total").notNull(),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    cancelled: integer("cancelled").notNull().default(0),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdByEmail: text("created_by_email").notNull(),
    createdByRole: text("created_by_role").notNull(),
    // The job's own audit row: intent at creation, outcome with counts at the end.
    auditId: uuid("audit_id"),
    retryOf: uuid("retry_of"),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (table) => [
    index("jobs_created_at_idx").on(table.createdAt),
    index("jobs_status_idx").on(table.status, table.createdAt),
    check(
      "jobs_status_check",
      sql`${table.status} in ('queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled')`,
    ),
  ],
);

export const jobItems = pgTable(
  "job_items",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    targetId: text("target_id").notNull(),
    label: text("label"),
    status: text("status", { enum: jobItemStatuses }).notNull().default("pending"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    attempts: integer("attempts").notNull().default(0),
    auditId: uuid("audit_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.position] }),
    index("job_items_status_idx").on(table.jobId, table.status, table.position),
    check(
      "job_items_status_check",
      sql`${table.status} in ('pending', 'running', 'done', 'failed', 'skipped', 'cancelled')`,
    ),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
export type JobItemRow = typeof jobItems.$inferSelect;
export type { JobAction, JobItemStatus, JobStatus } from "../schemas/jobs";

// An access review campaign: the people flagged by the access review when it started, frozen as its items,
// each decided keep (with a reason) or remove. Removals run as one org_user.remove job (job_id on the item).
export const accessReviewStatuses = ["open", "closed"] as const;
export const accessReviewDecisions = ["keep", "remove"] as const;

export const accessReviews = pgTable(
  "access_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    ownerStaffId: uuid("owner_staff_id")
      .notNull()
      .references(() => staff.id),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: accessReviewStatuses }).notNull().default("open"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by"),
  },
  (table) => [
    index("access_reviews_created_at_idx").on(table.createdAt),
    check("access_reviews_status_check", sql`${table.status} in ('open', 'closed')`),
  ],
);

export const accessReviewItems = pgTable(
  "access_review_items",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => accessReviews.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    orgUserId: text("org_user_id").notNull(),
    email: text("email").notNull(),
    flags: jsonb("flags").$type<string[]>().notNull(),
    decision: text("decision", { enum: accessReviewDecisions }),
    reason: text("reason"),
    decidedBy: uuid("decided_by"),
    decidedByEmail: text("decided_by_email"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    jobId: uuid("job_id"),
  },
  (table) => [
    primaryKey({ columns: [table.reviewId, table.position] }),
    uniqueIndex("access_review_items_user_key").on(table.reviewId, table.orgUserId),
    check(
      "access_review_items_decision_check",
      sql`${table.decision} is null or ${table.decision} in ('keep', 'remove')`,
    ),
  ],
);

export type AccessReviewRow = typeof accessReviews.$inferSelect;
export type AccessReviewItemRow = typeof accessReviewItems.$inferSelect;

// Issue 12: balances. Money is numeric (Telnyx sends decimals as strings; never a float), read back as text.
const money = (name: string) => numeric(name, { precision: 14, scale: 4 });
export const balanceRefreshStatuses = ["queued", "running", "succeeded", "partial", "failed"] as const;

// One walk of every account's balance. The partial unique index allows one queued-or-running refresh at a
// time across instances; `lease_until` is the one-driver guard (as for jobs), so a crashed driver's refresh
// is taken over once its lease runs out and resumes from the accounts it has no snapshot for yet.
export const balanceRefreshes = pgTable(
  "balance_refreshes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status", { enum: balanceRefreshStatuses }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    // Null for the scheduled refresh.
    requestedByStaffId: uuid("requested_by_staff_id"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("balance_refreshes_created_at_idx").on(table.createdAt),
    uniqueIndex("balance_refreshes_one_active_key")
      .on(sql`(true)`)
      .where(sql`${table.status} in ('queued', 'running')`),
    check(
      "balance_refreshes_status_check",
      sql`${table.status} in ('queued', 'running', 'succeeded', 'partial', 'failed')`,
    ),
  ],
);

// Each account's balance as a refresh (or a single read) saw it; 90 days are kept.
export const balanceSnapshots = pgTable(
  "balance_snapshots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: text("account_id").notNull(),
    // Null when Telnyx gave no balance for the account.
    amount: money("amount"),
    currency: text("currency"),
    creditLimit: money("credit_limit"),
    availableCredit: money("available_credit"),
    rollupBilling: boolean("rollup_billing").notNull().default(false),
    refreshId: uuid("refresh_id"),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("balance_snapshots_account_taken_idx").on(table.accountId, table.takenAt.desc()),
    index("balance_snapshots_taken_at_idx").on(table.takenAt),
    index("balance_snapshots_refresh_idx").on(table.refreshId, table.accountId),
  ],
);

// One row per account the refreshes have seen: who it is and its latest balance with the spend rate worked
// out from its recent snapshots, so /balances sorts and filters the fleet in one query (no Telnyx read).
export const balanceAccounts = pgTable(
  "balance_accounts",
  {
    accountId: text("account_id").primaryKey(),
    email: text("email").notNull(),
    organizationName: text("organization_name").notNull(),
    rollupBilling: boolean("rollup_billing").notNull().default(false),
    amount: money("amount"),
    currency: text("currency"),
    takenAt: timestamp("taken_at", { withTimezone: true }).notNull(),
    // Money a day, positive when spending; null when the history is too short to tell.
    spendPerDay: money("spend_per_day"),
    // amount / spendPerDay; null when not spending (or no balance of its own).
    daysLeft: numeric("days_left", { precision: 12, scale: 2 }),
    lastRefreshId: uuid("last_refresh_id"),
  },
  (table) => [
    index("balance_accounts_amount_idx").on(table.amount),
    index("balance_accounts_days_left_idx").on(table.daysLeft),
  ],
);

// Per-account overrides only; the default threshold is SUBDESK_LOW_BALANCE_THRESHOLD.
export const accountAlertThresholds = pgTable("account_alert_thresholds", {
  accountId: text("account_id").primaryKey(),
  threshold: money("threshold").notNull(),
  currency: text("currency"),
  updatedByStaffId: uuid("updated_by_staff_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const balanceAlertStates = pgTable(
  "balance_alert_states",
  {
    accountId: text("account_id").primaryKey(),
    state: text("state", { enum: ["ok", "low"] }).notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    lastAmount: money("last_amount"),
    lastThreshold: money("last_threshold"),
  },
  (table) => [check("balance_alert_states_state_check", sql`${table.state} in ('ok', 'low')`)],
);

export const balanceAlertTypes = ["balance.low", "balance.recovered"] as const;

export const balanceAlerts = pgTable(
  "balance_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: text("account_id").notNull(),
    type: text("type", { enum: balanceAlertTypes }).notNull(),
    amount: money("amount"),
    currency: text("currency"),
    threshold: money("threshold").notNull(),
    // The account's name as it was when the alert was raised: the list and the webhook name it without
    // asking Telnyx again (a snapshot carries only the id).
    accountEmail: text("account_email"),
    accountName: text("account_name"),
    createdAt: createdAt(),
    acknowledgedByStaffId: uuid("acknowledged_by_staff_id"),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
  },
  (table) => [
    index("balance_alerts_created_at_idx").on(table.createdAt),
    index("balance_alerts_unacknowledged_idx")
      .on(table.createdAt)
      .where(sql`${table.acknowledgedAt} is null`),
    check("balance_alerts_type_check", sql`${table.type} in ('balance.low', 'balance.recovered')`),
  ],
);

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;

// One outgoing event per row; `body` is the exact raw body that was signed, so a retry sends the same bytes.
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type").notNull(),
    url: text("url").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: webhookDeliveryStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("webhook_deliveries_event_key").on(table.eventId, table.url),
    index("webhook_deliveries_created_at_idx").on(table.createdAt),
    index("webhook_deliveries_due_idx")
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'pending'`),
    check("webhook_deliveries_status_check", sql`${table.status} in ('pending', 'delivered', 'failed')`),
  ],
);

export const webhookDeliveryAttempts = pgTable(
  "webhook_delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms"),
  },
  (table) => [index("webhook_delivery_attempts_delivery_idx").on(table.deliveryId, table.attemptedAt)],
);

export type BalanceRefreshRow = typeof balanceRefreshes.$inferSelect;
export type BalanceRefreshStatus = (typeof balanceRefreshStatuses)[number];
export type BalanceSnapshotRow = typeof balanceSnapshots.$inferSelect;
export type BalanceAccountRow = typeof balanceAccounts.$inferSelect;
export type AccountAlertThresholdRow = typeof accountAlertThresholds.$inferSelect;
export type BalanceAlertStateRow = typeof balanceAlertStates.$inferSelect;
export type BalanceAlertRow = typeof balanceAlerts.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookDeliveryAttemptRow = typeof webhookDeliveryAttempts.$inferSelect;

// Two-person approval (lib/approvals): a request the policy holds back, bound to its exact body by a hash,
// decided by a second staff member and executed once; break-glass rows stay flagged until reviewed.
export const approvalStatuses = ["pending", "approved", "denied", "expired", "executed", "failed"] as const;

export const approvals = pgTable(
  "approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    action: text("action").notNull(),
    // The request as canonical JSON (sorted keys) and the SHA-256 of action, target and that text.
    requestJson: text("request_json").notNull(),
    requestHash: text("request_hash").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    targetLabel: text("target_label"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => staff.id),
    requestedByEmail: text("requested_by_email").notNull(),
    reason: text("reason").notNull(),
    status: text("status", { enum: approvalStatuses }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedBy: uuid("decided_by").references(() => staff.id),
    decidedByEmail: text("decided_by_email"),
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    executedAt: timestamp("executed_at", { withTimezone: true }),
    result: jsonb("result").$type<Record<string, unknown>>(),
    requestAuditId: uuid("request_audit_id"),
    isBreakGlass: boolean("is_break_glass").notNull().default(false),
    reviewedBy: uuid("reviewed_by").references(() => staff.id),
    reviewedByEmail: text("reviewed_by_email"),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  },
  (table) => [
    index("approvals_status_idx").on(table.status, table.createdAt),
    index("approvals_hash_idx").on(table.requestHash),
    index("approvals_break_glass_idx")
      .on(table.createdAt)
      .where(sql`${table.isBreakGlass} and ${table.reviewedAt} is null`),
    check(
      "approvals_status_check",
      sql`${table.status} in ('pending', 'approved', 'denied', 'expired', 'executed', 'failed')`,
    ),
  ],
);
export type ApprovalRow = typeof approvals.$inferSelect;
export type ApprovalStatus = (typeof approvalStatuses)[number];
