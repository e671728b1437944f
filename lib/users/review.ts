// The access review, computed from the groups report: pure, so it is tested without a server.
import "server-only";
import {
  dormantAfterDays,
  type AccessReview,
  type AccessReviewCounts,
  type AccessReviewQuery,
  type OrgUser,
  type ReviewKind,
  type ReviewReason,
  type ReviewUser,
} from "@/lib/schemas/org-users";
import { daysSinceSignIn, signInActivityOf } from "./dormancy";

const reasonByKind: Record<ReviewKind, ReviewReason> = {
  dormant: "dormant",
  never: "never_signed_in",
  sso_bypass: "bypasses_sso",
};

export function reviewReasonsOf(user: OrgUser, now: Date): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  const activity = signInActivityOf(user, now);
  if (activity === "never") reasons.push("never_signed_in");
  if (activity === "dormant") reasons.push("dormant");
  if (user.bypassesSso) reasons.push("bypasses_sso");
  return reasons;
}

function matchesFilters(user: OrgUser, query: AccessReviewQuery): boolean {
  if (query.status && user.userStatus !== query.status) return false;
  // Partial and case-insensitive, like the list's email filter (Telnyx's filter[email]).
  return !query.email || user.email.toLowerCase().includes(query.email.toLowerCase());
}

function countReasons(users: ReviewUser[]): AccessReviewCounts {
  const counts: AccessReviewCounts = { neverSignedIn: 0, dormant: 0, bypassesSso: 0, total: users.length };
  for (const user of users) {
    if (user.reasons.includes("never_signed_in")) counts.neverSignedIn += 1;
    if (user.reasons.includes("dormant")) counts.dormant += 1;
    if (user.reasons.includes("bypasses_sso")) counts.bypassesSso += 1;
  }
  return counts;
}

/**
 * Every user who never signed in, has not for 90 days, or bypasses SSO, with why. Counts cover the users
 * that pass `status` and `email` whatever `kind` is, so a screen's tabs keep their numbers.
 */
export function buildAccessReview(users: OrgUser[], query: AccessReviewQuery, now: Date): AccessReview {
  const flagged: ReviewUser[] = [];
  for (const user of users) {
    if (!matchesFilters(user, query)) continue;
    const reasons = reviewReasonsOf(user, now);
    if (reasons.length === 0) continue;
    flagged.push({ ...user, reasons, daysSinceSignIn: daysSinceSignIn(user.lastSignInAt, now) });
  }
  const wanted = query.kind ? reasonByKind[query.kind] : undefined;
  return {
    data: wanted ? flagged.filter((user) => user.reasons.includes(wanted)) : flagged,
    meta: {
      counts: countReasons(flagged),
      usersInReport: users.length,
      dormantAfterDays,
      generatedAt: now.toISOString(),
    },
  };
}
