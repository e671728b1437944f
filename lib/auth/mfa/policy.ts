// Who must use MFA for a password sign-in: SUBDESK_REQUIRE_MFA=admins|all|none. The default is `admins` in
// live mode and `none` in embedded mode, so `npm start` and the demo sign in with a password alone.
import "server-only";
import { isEmbeddedMode } from "@/lib/auth/auth-mode";
import type { Role } from "@/lib/auth/permissions";

export type MfaRequirement = "admins" | "all" | "none";

export function mfaRequirement(env: Record<string, string | undefined> = process.env): MfaRequirement {
  const value = env.SUBDESK_REQUIRE_MFA?.trim().toLowerCase();
  if (value === "admins" || value === "all" || value === "none") return value;
  return isEmbeddedMode() ? "none" : "admins";
}

export function isMfaRequiredFor(role: Role, requirement: MfaRequirement = mfaRequirement()): boolean {
  return requirement === "all" || (requirement === "admins" && role === "admin");
}

/** The routes a session held back for MFA enrolment may call: its own MFA status and set-up. */
const enrolmentRoutes: ReadonlySet<string> = new Set([
  "GET /api/mfa",
  "POST /api/mfa/enrol",
  "POST /api/mfa/confirm",
]);

export function isAllowedBeforeEnrolment(routeKey: string): boolean {
  return enrolmentRoutes.has(routeKey);
}
