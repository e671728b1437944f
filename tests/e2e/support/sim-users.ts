import { simUrl } from "../../support/env";

// The simulator's own view of the organization's users (its /__sim control surface), so the browser
// tests derive every expectation from the data rather than from numbers written into the test.

export interface SimUser {
  id: string;
  email: string;
  record_type: "organization_owner" | "organization_sub_user";
  user_status: "enabled" | "disabled" | "blocked";
  created_at: string;
  last_sign_in_at: string | null;
  organization_user_bypasses_sso: boolean;
  groups: string[];
}

/** Every user, oldest first: the order Telnyx (and the simulator) lists them in. */
export async function simUsers(): Promise<SimUser[]> {
  const response = await fetch(`${simUrl()}/__sim/state/users`);
  if (!response.ok) throw new Error(`GET /__sim/state/users answered ${response.status}`);
  return ((await response.json()) as { data: SimUser[] }).data;
}

const DAY_MS = 86_400_000;

export type ReviewKind = "never" | "dormant" | "sso_bypass";

/** Why the access review should list a user: never signed in, 90+ days since, or bypasses SSO. */
export function expectedReviewKinds(user: SimUser, now = Date.now()): ReviewKind[] {
  const kinds: ReviewKind[] = [];
  if (user.last_sign_in_at === null) kinds.push("never");
  else if (now - Date.parse(user.last_sign_in_at) >= 90 * DAY_MS) kinds.push("dormant");
  if (user.organization_user_bypasses_sso) kinds.push("sso_bypass");
  return kinds;
}
