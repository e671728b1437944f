// The dormancy rule: no sign-in for 90 days, or never. Pure, so the review and its tests share it.
import "server-only";
import { dormantAfterDays, type OrgUser } from "@/lib/schemas/org-users";

const dayMs = 86_400_000;

export type SignInActivity = "never" | "dormant" | "active";

/** Whole days since the last sign-in (a date in the future counts as today); null: never signed in. */
export function daysSinceSignIn(lastSignInAt: string | null, now: Date): number | null {
  if (lastSignInAt === null) return null;
  const signedInAt = Date.parse(lastSignInAt);
  // An unreadable date is treated as the oldest possible: the cautious answer for a review.
  if (Number.isNaN(signedInAt)) return Number.MAX_SAFE_INTEGER;
  return Math.max(0, Math.floor((now.getTime() - signedInAt) / dayMs));
}

export function signInActivityOf(user: Pick<OrgUser, "lastSignInAt">, now: Date): SignInActivity {
  const days = daysSinceSignIn(user.lastSignInAt, now);
  if (days === null) return "never";
  return days >= dormantAfterDays ? "dormant" : "active";
}

/** The list's dormant mark: never signed in, or not for 90 days. */
export function isDormant(user: Pick<OrgUser, "lastSignInAt">, now: Date): boolean {
  return signInActivityOf(user, now) !== "active";
}
