import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/errors";
import { accessReviewSchema, type OrgUser } from "@/lib/schemas/org-users";
import { daysSinceSignIn, isDormant, signInActivityOf } from "@/lib/users/dormancy";
import { assertConfirmedEmail, assertRemovable } from "@/lib/users/removal";
import { buildAccessReview, reviewReasonsOf } from "@/lib/users/review";

const NOW = new Date("2026-06-30T12:00:00.000Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

let nextId = 0;
function user(overrides: Partial<OrgUser> = {}): OrgUser {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, "0")}`,
    email: `user${nextId}@example.com`,
    recordType: "organization_sub_user",
    userStatus: "enabled",
    createdAt: daysAgo(400),
    lastSignInAt: daysAgo(1),
    bypassesSso: false,
    groups: [],
    ...overrides,
  };
}

describe("the dormancy rule", () => {
  it("counts whole days, null for never, and a future date as today", () => {
    expect(daysSinceSignIn(null, NOW)).toBeNull();
    expect(daysSinceSignIn(daysAgo(0), NOW)).toBe(0);
    expect(daysSinceSignIn(daysAgo(89.99), NOW)).toBe(89);
    expect(daysSinceSignIn(daysAgo(90), NOW)).toBe(90);
    expect(daysSinceSignIn(daysAgo(-3), NOW)).toBe(0);
  });

  it("is dormant from exactly 90 days without a sign-in, or never", () => {
    expect(signInActivityOf({ lastSignInAt: daysAgo(89.99) }, NOW)).toBe("active");
    expect(signInActivityOf({ lastSignInAt: daysAgo(90) }, NOW)).toBe("dormant");
    expect(signInActivityOf({ lastSignInAt: null }, NOW)).toBe("never");
    expect(isDormant({ lastSignInAt: null }, NOW)).toBe(true);
    expect(isDormant({ lastSignInAt: daysAgo(400) }, NOW)).toBe(true);
    expect(isDormant({ lastSignInAt: daysAgo(10) }, NOW)).toBe(false);
  });

  it("treats an unreadable date as dormant rather than active", () => {
    expect(signInActivityOf({ lastSignInAt: "not a date" }, NOW)).toBe("dormant");
  });
});

describe("buildAccessReview", () => {
  const active = user();
  const never = user({ lastSignInAt: null, userStatus: "disabled" });
  const dormant = user({ lastSignInAt: daysAgo(120), email: "Old.Timer@Example.com" });
  const bypass = user({ bypassesSso: true, userStatus: "blocked" });
  const neverAndBypass = user({ lastSignInAt: null, bypassesSso: true });
  const everyone = [active, never, dormant, bypass, neverAndBypass];

  it("lists exactly the flagged users, in report order, with their reasons and days", () => {
    const review = buildAccessReview(everyone, {}, NOW);
    expect(review.data.map((entry) => entry.id)).toEqual(
      [never, dormant, bypass, neverAndBypass].map((u) => u.id),
    );
    expect(review.data.map((entry) => entry.reasons)).toEqual([
      ["never_signed_in"],
      ["dormant"],
      ["bypasses_sso"],
      ["never_signed_in", "bypasses_sso"],
    ]);
    expect(review.data.map((entry) => entry.daysSinceSignIn)).toEqual([null, 120, 1, null]);
    expect(review.meta.counts).toEqual({ neverSignedIn: 2, dormant: 1, bypassesSso: 2, total: 4 });
    expect(review.meta.usersInReport).toBe(5);
    expect(review.meta.dormantAfterDays).toBe(90);
    expect(review.meta.generatedAt).toBe(NOW.toISOString());
    expect(accessReviewSchema.parse(review)).toEqual(review);
  });

  it("filters by kind while the counts keep describing the whole review", () => {
    const byKind = (kind: "dormant" | "never" | "sso_bypass") => buildAccessReview(everyone, { kind }, NOW);
    expect(byKind("never").data.map((u) => u.id)).toEqual([never.id, neverAndBypass.id]);
    expect(byKind("dormant").data.map((u) => u.id)).toEqual([dormant.id]);
    expect(byKind("sso_bypass").data.map((u) => u.id)).toEqual([bypass.id, neverAndBypass.id]);
    const counts = buildAccessReview(everyone, {}, NOW).meta.counts;
    expect(byKind("never").meta.counts).toEqual(counts);
    expect(byKind("never").data).toHaveLength(counts.neverSignedIn);
  });

  it("filters by status and by part of the email (any case), and counts only what passes", () => {
    const disabled = buildAccessReview(everyone, { status: "disabled" }, NOW);
    expect(disabled.data.map((u) => u.id)).toEqual([never.id]);
    expect(disabled.meta.counts).toEqual({ neverSignedIn: 1, dormant: 0, bypassesSso: 0, total: 1 });
    const byEmail = buildAccessReview(everyone, { email: "old.TIMER" }, NOW);
    expect(byEmail.data.map((u) => u.id)).toEqual([dormant.id]);
    expect(buildAccessReview(everyone, { email: "nobody" }, NOW).data).toEqual([]);
  });

  it("gives a user no reason when active and inside SSO", () => {
    expect(reviewReasonsOf(active, NOW)).toEqual([]);
  });
});

describe("removal checks", () => {
  const target = user({ email: "Casey.Jones@Example.com" });

  it("accepts the email in any letter case and refuses another with a field message", () => {
    expect(() => assertConfirmedEmail(target, "casey.jones@example.COM")).not.toThrow();
    let thrown: unknown;
    try {
      assertConfirmedEmail(target, "casey.jone@example.com");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(422);
    expect((thrown as AppError).fields?.confirmEmail).toMatch(/email/);
  });

  it("refuses the organization owner with a 409 conflict, never a sub-user", () => {
    expect(() => assertRemovable(target)).not.toThrow();
    expect(() => assertRemovable({ recordType: "organization_owner" })).toThrow(
      expect.objectContaining({ status: 409, code: "conflict" }),
    );
  });
});
