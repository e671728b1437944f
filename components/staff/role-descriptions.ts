import type { Role } from "@/lib/auth/permissions";

// Mirrors the permission matrix in lib/auth/permissions.ts, in the words the Staff page uses.
export const roleDescriptions: Record<Role, string> = {
  admin: "Everything, including creating accounts, pricing, removing users and managing staff.",
  support: "Reads everything, enables and disables accounts, sets channel limits, exports reports.",
  viewer: "Reads accounts, users and the audit trail; changes nothing.",
};
