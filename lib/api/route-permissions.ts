import type { Permission } from "@/lib/auth/permissions";

/**
 * Every route handler under app/api and the permission it needs (null: public).
 * withRoute() takes its permission from here, and the route-matrix test walks app/api against this table
 * and the role matrix, so a handler cannot quietly skip its check.
 */
export const routePermissions = {
  "GET /api/health": null,
  // No session at all: the operator's scraper brings a bearer token (lib/metrics/scrape.ts).
  "GET /api/metrics": null,
  "GET /api/managed-accounts": "accounts.read",
  "POST /api/managed-accounts": "accounts.create",
  "GET /api/managed-accounts/channels": "accounts.read",
  "GET /api/managed-accounts/export": "accounts.read",
  "GET /api/managed-accounts/[id]": "accounts.read",
  "PATCH /api/managed-accounts/[id]": "accounts.pricing",
  "POST /api/managed-accounts/[id]/disable": "accounts.toggle",
  "POST /api/managed-accounts/[id]/enable": "accounts.toggle",
  "PUT /api/managed-accounts/[id]/channel-limit": "accounts.channels",
  "GET /api/org-users": "users.read",
  "GET /api/org-users/review": "users.read",
  "GET /api/org-users/groups-report": "users.export",
  "GET /api/org-users/[id]": "users.read",
  "POST /api/org-users/[id]/remove": "users.remove",
  "GET /api/audit": "audit.read",
  "GET /api/audit/export": "audit.read",
  "GET /api/audit/[id]": "audit.read",
  "GET /api/staff": "staff.manage",
  "POST /api/staff": "staff.manage",
  "PATCH /api/staff/[id]": "staff.manage",
  "POST /api/staff/[id]/mfa-reset": "staff.manage",
  // One's own two-factor set-up (also open to a session held back until the person enrols).
  // Step-up: one's own session proves itself again (password and code; SSO goes to its provider).
  "GET /api/auth/step-up": "security.self",
  "POST /api/auth/step-up": "security.self",
  "GET /api/mfa": "security.self",
  "POST /api/mfa/enrol": "security.self",
  "POST /api/mfa/confirm": "security.self",
  // Bulk jobs: creating, cancelling and retrying need the job's action's permission, checked in the
  // handler (lib/jobs/create-job.ts) once the action is known; the table holds the floor.
  "GET /api/jobs": "accounts.read",
  "POST /api/jobs": "accounts.read",
  "GET /api/jobs/[id]": "accounts.read",
  "GET /api/jobs/[id]/items": "accounts.read",
  "GET /api/jobs/[id]/items.csv": "accounts.read",
  "POST /api/jobs/[id]/cancel": "accounts.read",
  "POST /api/jobs/[id]/retry-failed": "accounts.read",
  // Saved views: users.read is checked in the handler for a users view (every role holds both today).
  "GET /api/views": "accounts.read",
  "POST /api/views": "accounts.read",
  "DELETE /api/views/[id]": "accounts.read",
  // Access review campaigns: recording keeps and proposing removals is a reviewer's work, and both roles that
  // hold users.export (admin, support) already take the whole user list out as evidence; the removal job
  // itself needs users.remove (admin).
  "GET /api/access-reviews": "users.read",
  "POST /api/access-reviews": "users.export",
  "GET /api/access-reviews/[id]": "users.read",
  "POST /api/access-reviews/[id]/decisions": "users.export",
  "POST /api/access-reviews/[id]/remove": "users.remove",
  "POST /api/access-reviews/[id]/close": "users.export",
  "GET /api/access-reviews/[id]/decisions.csv": "users.export",
  // Low-balance alerts: everyone sees them; admin and support act on them; the delivery log is an admin's.
  "GET /api/managed-accounts/[id]/alert-threshold": "accounts.read",
  "PUT /api/managed-accounts/[id]/alert-threshold": "alerts.manage",
  "GET /api/alerts": "accounts.read",
  "POST /api/alerts/acknowledge": "alerts.manage",
  "POST /api/alerts/[id]/acknowledge": "alerts.manage",
  "GET /api/webhook-deliveries": "webhooks.read",
  // Balances: everyone reads them (snapshots only); starting a refresh now is an admin's.
  "GET /api/balances": "accounts.read",
  "GET /api/balances/refresh": "accounts.read",
  "POST /api/balances/refresh": "balances.refresh",
  // Two-person approval: everyone reaches the list (filtered to what their role could decide); deciding
  // checks the held action's own permission in the handler (lib/approvals/decide.ts); a break-glass
  // execution's review is an admin's.
  "GET /api/approvals": "accounts.read",
  "POST /api/approvals/[id]/approve": "accounts.read",
  "POST /api/approvals/[id]/deny": "accounts.read",
  "POST /api/approvals/[id]/break-glass": "accounts.read",
  "POST /api/approvals/[id]/review": "staff.manage",
} as const satisfies Record<string, Permission | null>;

export type RouteKey = keyof typeof routePermissions;
