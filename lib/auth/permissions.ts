// The one permission matrix. Handlers enforce it, the UI mirrors it, and the route-matrix test reads it.

export const roles = ["admin", "support", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "accounts.read",
  "accounts.create",
  "accounts.pricing",
  "accounts.toggle",
  "accounts.channels",
  // Low-balance alerts: set an account's threshold, acknowledge alerts; the webhook delivery log (admin).
  "alerts.manage",
  "webhooks.read",
  // Start a balance refresh now (it reads every account from Telnyx): admin.
  "balances.refresh",
  "users.read",
  "users.export",
  "users.remove",
  "audit.read",
  "staff.manage",
  // One's own sign-in security (MFA enrolment): every signed-in person.
  "security.self",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  support: [
    "accounts.read",
    "accounts.toggle",
    "accounts.channels",
    "alerts.manage",
    "users.read",
    "users.export",
    "audit.read",
    "security.self",
  ],
  viewer: ["accounts.read", "users.read", "audit.read", "security.self"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** The least role that holds a permission, to tell a person whom to ask. */
export function lowestRoleWith(permission: Permission): Role {
  return [...roles].reverse().find((role) => can(role, permission)) ?? "admin";
}

export function deniedReason(permission: Permission): string {
  const role = lowestRoleWith(permission);
  return role === "admin" ? "Only an admin can do this." : `Needs the ${role} role or higher.`;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
