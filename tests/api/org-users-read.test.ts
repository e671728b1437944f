import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { simUsers, type SimUser } from "../support/org-users";
import { requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";

// GET /api/org-users and GET /api/org-users/{id}: every expected value comes from the simulator's state.

interface OrgUser {
  id: string;
  email: string;
  recordType: string;
  userStatus: string;
  createdAt: string;
  lastSignInAt: string | null;
  bypassesSso: boolean;
  groups?: { id: string; name: string }[];
}
interface ListAnswer {
  data: OrgUser[];
  meta: { page: number; pageSize: number; totalPages: number; totalResults: number };
}
interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string>; requestId: string };
}

let viewer: ApiClient;
let everyone: SimUser[];

const asOurs = (user: SimUser) => ({
  id: user.id,
  email: user.email,
  recordType: user.record_type,
  userStatus: user.user_status,
  createdAt: user.created_at,
  lastSignInAt: user.last_sign_in_at,
  bypassesSso: user.organization_user_bypasses_sso,
});

async function listJson(path: string): Promise<ListAnswer> {
  return viewer.getJson<ListAnswer>(path);
}

async function upstreamCallCount(): Promise<number> {
  return Object.values(await requestCounts()).reduce((sum, count) => sum + count, 0);
}

beforeAll(async () => {
  await resetSim();
  viewer = await signIn("viewer");
});

beforeEach(async () => {
  everyone = await simUsers();
});

describe("GET /api/org-users", () => {
  it("answers the first page with the simulator's users, in its order, and the totals", async () => {
    const answer = await listJson("/api/org-users?pageSize=25");
    expect(answer.data).toEqual(everyone.slice(0, 25).map(asOurs));
    expect(answer.meta).toEqual({
      page: 1,
      pageSize: 25,
      totalPages: Math.ceil(everyone.length / 25),
      totalResults: everyone.length,
    });
  });

  it("pages: page 3 of 20 is users 40..59, and a page past the end is empty", async () => {
    const third = await listJson("/api/org-users?page=3&pageSize=20");
    expect(third.data.map((user) => user.id)).toEqual(everyone.slice(40, 60).map((user) => user.id));
    const past = await listJson(`/api/org-users?page=${Math.ceil(everyone.length / 20) + 1}&pageSize=20`);
    expect(past.data).toEqual([]);
    expect(past.meta.totalResults).toBe(everyone.length);
  });

  it("filters by status and by part of the email, as the simulator's data says", async () => {
    for (const status of ["enabled", "disabled", "blocked"] as const) {
      const expected = everyone.filter((user) => user.user_status === status);
      const answer = await listJson(`/api/org-users?status=${status}&pageSize=250`);
      expect(answer.data.map((user) => user.id)).toEqual(expected.map((user) => user.id));
      expect(answer.meta.totalResults).toBe(expected.length);
    }
    const needle = everyone[7]?.email.split("@")[0]?.slice(0, 4).toUpperCase() ?? "";
    const byEmail = everyone.filter((user) => user.email.toLowerCase().includes(needle.toLowerCase()));
    const answer = await listJson(`/api/org-users?email=${encodeURIComponent(needle)}&pageSize=250`);
    expect(answer.data.map((user) => user.email)).toEqual(byEmail.map((user) => user.email));
    expect(byEmail.length).toBeGreaterThan(0);
  });

  it("adds each user's groups only when includeGroups is asked for", async () => {
    const plain = await listJson("/api/org-users?pageSize=10");
    expect(plain.data.every((user) => user.groups === undefined)).toBe(true);
    const withGroups = await listJson("/api/org-users?pageSize=10&includeGroups=true");
    expect(withGroups.data.map((user) => user.groups?.map((group) => group.name))).toEqual(
      everyone.slice(0, 10).map((user) => user.groups),
    );
  });

  it("marks the owner and the sub-users as the simulator holds them", async () => {
    const answer = await listJson("/api/org-users?pageSize=250");
    const owners = answer.data.filter((user) => user.recordType === "organization_owner");
    expect(owners.map((user) => user.id)).toEqual(
      everyone.filter((user) => user.record_type === "organization_owner").map((user) => user.id),
    );
  });

  it.each([
    ["pageSize=0", "pageSize"],
    ["pageSize=251", "pageSize"],
    ["pageSize=abc", "pageSize"],
    ["page=0", "page"],
    ["status=active", "status"],
    ["includeGroups=maybe", "includeGroups"],
  ])("refuses %s with 400, a message for %s, and no upstream request", async (query, field) => {
    await resetRequestCounts();
    const response = await viewer.get(`/api/org-users?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.code).toBe("bad_request");
    expect(body.error.fields?.[field]).toEqual(expect.any(String));
    expect(await upstreamCallCount()).toBe(0);
  });
});

describe("GET /api/org-users/{id}", () => {
  it("answers every field and the user's groups", async () => {
    const target = everyone.find((user) => user.groups.length >= 2) ?? everyone[0];
    if (!target) throw new Error("the simulator has no users");
    const answer = await viewer.getJson<{ data: OrgUser }>(`/api/org-users/${target.id}`);
    expect(answer.data).toMatchObject(asOurs(target));
    expect(answer.data.groups?.map((group) => group.name)).toEqual(target.groups);
    expect(answer.data.groups?.every((group) => /^[0-9a-f-]{36}$/.test(group.id))).toBe(true);
  });

  it("answers 404 for a well-formed id the simulator does not have", async () => {
    const response = await viewer.get("/api/org-users/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorAnswer).error.code).toBe("not_found");
  });

  it.each(["not-a-uuid", "1234", "00000000-0000-4000-8000-00000000000g"])(
    "refuses the malformed id %s with 400 before any upstream request",
    async (id) => {
      await resetRequestCounts();
      const response = await viewer.get(`/api/org-users/${id}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorAnswer;
      expect(body.error.fields?.id).toEqual(expect.any(String));
      expect(await upstreamCallCount()).toBe(0);
    },
  );
});
