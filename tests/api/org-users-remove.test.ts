import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { auditRows, simUsers, type SimUser } from "../support/org-users";
import { requestCounts, resetRequestCounts, resetSim } from "../support/sim-control";

// POST /api/org-users/{id}/remove { reason, confirmEmail }: admin only, the typed email must match, the
// owner is refused by us, and nothing is sent to Telnyx's remove unless every check passed.

interface ErrorAnswer {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const REASON = "Left the company, ticket HR-2231";
let admin: ApiClient;
let support: ApiClient;
let viewer: ApiClient;
let everyone: SimUser[];

const subUser = () => {
  const found = everyone.find(
    (user) => user.record_type === "organization_sub_user" && user.user_status === "enabled",
  );
  if (!found) throw new Error("the simulator has no enabled sub-user");
  return found;
};
const owner = () => {
  const found = everyone.find((user) => user.record_type === "organization_owner");
  if (!found) throw new Error("the simulator has no owner");
  return found;
};
const removePath = (id: string) => `/api/org-users/${id}/remove`;

async function expectError(response: Response, status: number, code: string, field?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ErrorAnswer;
  expect(body.error.code).toBe(code);
  if (field) expect(body.error.fields?.[field], text).toEqual(expect.any(String));
  return body;
}

beforeAll(async () => {
  [admin, support, viewer] = await Promise.all([signIn("admin"), signIn("support"), signIn("viewer")]);
});

beforeEach(async () => {
  await resetSim();
  everyone = await simUsers();
  await resetRequestCounts();
});

describe("refusals before anything is removed", () => {
  it.each([
    ["viewer", () => viewer],
    ["support", () => support],
  ])("a %s gets 403 and Telnyx hears nothing", async (_role, client) => {
    const target = subUser();
    const response = await client().post(removePath(target.id), {
      reason: REASON,
      confirmEmail: target.email,
    });
    await expectError(response, 403, "forbidden");
    const counts = await requestCounts();
    expect(counts.GetOrganizationUser).toBe(0);
    expect(counts.DeleteOrganizationUser).toBe(0);
    expect((await simUsers()).map((user) => user.id)).toContain(target.id);
  });

  it("a missing reason is 422 on reason, with no upstream request at all", async () => {
    const target = subUser();
    await expectError(
      await admin.post(removePath(target.id), { confirmEmail: target.email }),
      422,
      "validation_failed",
      "reason",
    );
    expect(Object.values(await requestCounts()).every((count) => count === 0)).toBe(true);
  });

  it("a confirmation that is not an email is 422 on confirmEmail, with no upstream request", async () => {
    const target = subUser();
    await expectError(
      await admin.post(removePath(target.id), { reason: REASON, confirmEmail: "yes" }),
      422,
      "validation_failed",
      "confirmEmail",
    );
    expect(Object.values(await requestCounts()).every((count) => count === 0)).toBe(true);
  });

  it("another user's email is 422 on confirmEmail: the user is read, never removed", async () => {
    const target = subUser();
    const someoneElse = everyone.find(
      (user) => user.id !== target.id && user.record_type !== "organization_owner",
    );
    const response = await admin.post(removePath(target.id), {
      reason: REASON,
      confirmEmail: someoneElse?.email,
    });
    await expectError(response, 422, "validation_failed", "confirmEmail");
    const counts = await requestCounts();
    expect(counts.GetOrganizationUser).toBe(1);
    expect(counts.DeleteOrganizationUser).toBe(0);
    expect((await simUsers()).map((user) => user.id)).toContain(target.id);
  });

  it("a malformed id is 400 on id, with no upstream request", async () => {
    await expectError(
      await admin.post(removePath("not-a-user-id"), { reason: REASON, confirmEmail: "a@b.example" }),
      400,
      "bad_request",
      "id",
    );
    expect(Object.values(await requestCounts()).every((count) => count === 0)).toBe(true);
  });

  it("an unknown id is 404 and nothing is removed", async () => {
    const response = await admin.post(removePath("00000000-0000-4000-8000-000000000000"), {
      reason: REASON,
      confirmEmail: "a@b.example",
    });
    await expectError(response, 404, "not_found");
    expect((await requestCounts()).DeleteOrganizationUser).toBe(0);
  });

  it("the organization owner is refused by us with 409, before any remove call", async () => {
    const target = owner();
    const response = await admin.post(removePath(target.id), { reason: REASON, confirmEmail: target.email });
    const body = await expectError(response, 409, "conflict");
    expect(body.error.message).toMatch(/owner cannot be removed/i);
    expect((await requestCounts()).DeleteOrganizationUser).toBe(0);
    expect((await simUsers()).map((user) => user.id)).toContain(target.id);
  });
});

describe("a removal that goes through", () => {
  it("removes the user (email typed in another case), and the list, detail and report reflect it", async () => {
    const target = subUser();
    const response = await admin.post(removePath(target.id), {
      reason: REASON,
      confirmEmail: target.email.toUpperCase(),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = (await response.json()) as { data: { id: string; email: string } };
    expect(body.data).toMatchObject({ id: target.id, email: target.email });
    expect((await requestCounts()).DeleteOrganizationUser).toBe(1);

    expect((await simUsers()).map((user) => user.id)).not.toContain(target.id);
    const list = await admin.getJson<{ data: { id: string }[]; meta: { totalResults: number } }>(
      "/api/org-users?pageSize=250",
    );
    expect(list.data.map((user) => user.id)).not.toContain(target.id);
    expect(list.meta.totalResults).toBe(everyone.length - 1);
    await expectError(await admin.get(`/api/org-users/${target.id}`), 404, "not_found");
    const report = await (await admin.get("/api/org-users/groups-report?format=csv")).text();
    expect(report).not.toContain(target.id);
  });

  it("writes one org_user.remove audit row: actor, target id and email, reason, success", async () => {
    const target = subUser();
    // The seed is the same after every reset, so an earlier test may have removed this very user.
    const before = (await auditRows(admin, "org_user.remove", target.id)).length;
    const response = await admin.post(removePath(target.id), { reason: REASON, confirmEmail: target.email });
    expect(response.status).toBe(200);
    const rows = await auditRows(admin, "org_user.remove", target.id);
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({
      action: "org_user.remove",
      actorEmail: "admin@subdesk.test",
      targetId: target.id,
      targetLabel: target.email,
      reason: REASON,
      outcome: "success",
    });
  });
});
