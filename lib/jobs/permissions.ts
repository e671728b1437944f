// The single action's permission is the bulk action's: a role that may not disable one account may not
// disable 240.
import type { Permission } from "@/lib/auth/permissions";
import type { JobAction } from "@/lib/schemas/jobs";

export const jobActionPermissions: Record<JobAction, Permission> = {
  "account.disable": "accounts.toggle",
  "account.enable": "accounts.toggle",
  "account.channel_limit": "accounts.channels",
  "account.pricing": "accounts.pricing",
  "org_user.remove": "users.remove",
};
