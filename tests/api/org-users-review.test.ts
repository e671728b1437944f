import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { DAY_MS, addSimUser, expectedReasons, simUsers, type SimUser } from "../support/org-users";
import { requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";

// GET /api/org-users/review: the access review. The expected users are worked out here from the
// simulator's own user list with the rule, never written down.

interface ReviewAnswer {
  data: {
    id: string;
    email: string;
    reasons: string[];
    daysSinceSignIn: number | null;
    userStatus: string;
  }[];
  meta: {
    counts: { neverSignedIn: number; dormant: number; bypassesSso: number; total: number };
    usersInReport: number;
    dormantAfterDays: number;
    generatedAt: string;
  };
}

let viewer: ApiClient;
let everyone: SimUser[];

const review = (query = "") => viewer.getJson<ReviewAnswer>(`/api/org-users/review${query}`);
const flagged = (users: SimUser[]) =>
  users
    .map((user) => ({ id: user.id, reasons: expectedReasons(user) }))
    .filter((entry) => entry.reasons.length > 0);
const countsOf = (entries: { reasons: string[] }[]) => ({
  neverSignedIn: entries.filter((entry) => entry.reasons.includes("never_signed_in")).length,
  dormant: entries.filter((entry) => entry.reasons.includes("dormant")).length,
  bypassesSso: entries.filter((entry) => entry.reasons.includes("bypasses_sso")).length,
  total: entries.length,
});

beforeAll(async () => {
  await resetSim();
  viewer = await signIn("viewer");
});

beforeEach(async () => {
  everyone = await simUsers();
});

describe("GET /api/org-users/review", () => {
  it("lists exactly the users the simulator's data says, with their reasons and counts, from one read", async () => {
    await resetRequestCounts();
    const answer = await review();
    const counts = await requestCounts();
    expect(counts.GetOrganizationUsersGroupsReport).toBe(1);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);

    const expected = flagged(everyone);
    expect(answer.data.map((user) => ({ id: user.id, reasons: user.reasons }))).toEqual(expected);
    expect(answer.meta.counts).toEqual(countsOf(expected));
    expect(answer.meta.usersInReport).toBe(everyone.length);
    expect(answer.meta.dormantAfterDays).toBe(90);
    // The seed forces at least one of each case, so an empty review cannot pass for a right one.
    expect(answer.meta.counts.neverSignedIn).toBeGreaterThan(0);
    expect(answer.meta.counts.dormant).toBeGreaterThan(0);
    expect(answer.meta.counts.bypassesSso).toBeGreaterThan(0);
  });

  it("gives whole days since the last sign-in, null for never", async () => {
    const answer = await review();
    const byId = new Map(everyone.map((user) => [user.id, user]));
    for (const entry of answer.data) {
      const signedIn = byId.get(entry.id)?.last_sign_in_at ?? null;
      if (signedIn === null) expect(entry.daysSinceSignIn).toBeNull();
      else expect(entry.daysSinceSignIn).toBe(Math.floor((Date.now() - Date.parse(signedIn)) / DAY_MS));
    }
  });

  it.each([
    ["never", "never_signed_in"],
    ["dormant", "dormant"],
    ["sso_bypass", "bypasses_sso"],
  ])("kind=%s lists only those users and keeps the counts of the whole review", async (kind, reason) => {
    const expected = flagged(everyone);
    const answer = await review(`?kind=${kind}`);
    expect(answer.data.map((user) => user.id)).toEqual(
      expected.filter((entry) => entry.reasons.includes(reason)).map((entry) => entry.id),
    );
    expect(answer.meta.counts).toEqual(countsOf(expected));
  });

  it("filters by status and by part of the email, counting only what passes", async () => {
    const disabled = flagged(everyone.filter((user) => user.user_status === "disabled"));
    const byStatus = await review("?status=disabled");
    expect(byStatus.data.map((user) => user.id)).toEqual(disabled.map((entry) => entry.id));
    expect(byStatus.meta.counts).toEqual(countsOf(disabled));

    const needle = "AN";
    const matching = flagged(everyone.filter((user) => user.email.toLowerCase().includes("an")));
    const byEmail = await review(`?email=${needle}`);
    expect(byEmail.data.map((user) => user.id)).toEqual(matching.map((entry) => entry.id));
  });

  it("picks up a user added to the simulator who signed in 200 days ago", async () => {
    const added = await addSimUser({
      email: "long.gone@northstar-voice.example.com",
      last_sign_in_at: new Date(Date.now() - 200 * DAY_MS).toISOString(),
    });
    const answer = await review("?kind=dormant&email=long.gone");
    expect(answer.data).toEqual([
      expect.objectContaining({ id: added.id, reasons: ["dormant"], daysSinceSignIn: 200 }),
    ]);
  });

  it.each(["kind=idle", "status=active"])("refuses %s with 400 and no upstream request", async (query) => {
    await resetRequestCounts();
    const response = await viewer.get(`/api/org-users/review?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields?: Record<string, string> } };
    expect(body.error.fields?.[query.split("=")[0] ?? ""]).toEqual(expect.any(String));
    expect(Object.values(await requestCounts()).every((count) => count === 0)).toBe(true);
  });
});
