import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { Simulator } from "../../../lib/sim/index";
import {
  call,
  control,
  dataOf,
  firstError,
  listOf,
  rawCall,
  startTestSimulator,
  type WireUser,
} from "./helpers";
import { validationCounts } from "./spec-validator";

let sim: Simulator;
let everyone: WireUser[];
const LIST = "ListOrganizationUsers";
const REPORT = "GetOrganizationUsersGroupsReport";

beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(async () => {
  await control(sim, "POST", "/reset", {});
  everyone = listOf<WireUser>(await call(sim, LIST, "GET", "/organizations/users?include_groups=true")).data;
});
afterAll(async () => {
  await sim.close();
  console.info(`[spec validations] org-users: ${JSON.stringify(validationCounts)}`);
});

const owner = () => everyone.find((user) => user.record_type === "organization_owner");
const subUser = (status = "enabled") => {
  const found = everyone.find(
    (user) => user.record_type === "organization_sub_user" && user.user_status === status,
  );
  if (!found) throw new Error(`no ${status} sub-user`);
  return found;
};

describe("GET /organizations/users", () => {
  it("answers all 160 seeded users on one default page of 250, groups only when asked", async () => {
    expect(everyone).toHaveLength(160);
    const plain = listOf<WireUser>(await call(sim, LIST, "GET", "/organizations/users"));
    expect(plain.meta).toEqual({ page_number: 1, page_size: 250, total_pages: 1, total_results: 160 });
    expect(plain.data.every((user) => !("groups" in user))).toBe(true);
    expect(everyone.every((user) => Array.isArray(user.groups))).toBe(true);
  });

  it("pages, and answers an empty page past the end", async () => {
    const second = listOf<WireUser>(
      await call(sim, LIST, "GET", "/organizations/users?page[size]=50&page[number]=2"),
    );
    expect(second.data.map((u) => u.id)).toEqual(everyone.slice(50, 100).map((u) => u.id));
    expect(second.meta).toEqual({ page_number: 2, page_size: 50, total_pages: 4, total_results: 160 });
    const past = listOf<WireUser>(await call(sim, LIST, "GET", "/organizations/users?page[number]=9"));
    expect(past.data).toEqual([]);
    expect(past.meta.total_results).toBe(160);
  });

  it("filters by partial email (any length, any case) and by user_status", async () => {
    const target = subUser();
    const part = target.email.split("@")[0]?.slice(0, 2).toUpperCase() ?? "";
    const partial = listOf<WireUser>(
      await call(sim, LIST, "GET", `/organizations/users?filter[email]=${part}`),
    );
    expect(partial.data.map((u) => u.id)).toContain(target.id);
    expect(partial.data.every((u) => u.email.toLowerCase().includes(part.toLowerCase()))).toBe(true);
    for (const status of ["enabled", "disabled", "blocked"]) {
      const body = listOf<WireUser>(
        await call(sim, LIST, "GET", `/organizations/users?filter[user_status]=${status}`),
      );
      expect(body.data.length).toBe(everyone.filter((u) => u.user_status === status).length);
      expect(body.data.length).toBeGreaterThan(0);
    }
  });

  it.each([
    ["page[size]", "page[size]=251"],
    ["page[number]", "page[number]=0"],
    ["filter[user_status]", "filter[user_status]=gone"],
    ["include_groups", "include_groups=1"],
    ["filter[email][contains]", "filter[email][contains]=abc"],
  ])("refuses a bad %s with 400 and source.parameter", async (parameter, query) => {
    const answer = await call(sim, LIST, "GET", `/organizations/users?${query}`);
    expect(answer.status).toBe(400);
    expect(firstError(answer)?.source).toEqual({ parameter });
  });

  it("answers 401 without a key", async () => {
    expect((await call(sim, LIST, "GET", "/organizations/users", { apiKey: null })).status).toBe(401);
  });
});

describe("GET /organizations/users/{id}", () => {
  it("answers one user, with groups when include_groups=true", async () => {
    const target = everyone.find((u) => (u.groups?.length ?? 0) > 1);
    if (!target) throw new Error("nobody in several groups");
    const plain = dataOf<WireUser>(
      await call(sim, "GetOrganizationUser", "GET", `/organizations/users/${target.id}`),
    );
    expect(plain).not.toHaveProperty("groups");
    expect(plain.email).toBe(target.email);
    const withGroups = await call(
      sim,
      "GetOrganizationUser",
      "GET",
      `/organizations/users/${target.id}?include_groups=true`,
    );
    expect(dataOf<WireUser>(withGroups).groups).toEqual(target.groups);
  });

  it("answers 404 unknown, 400 malformed id or bad include_groups, 401 without a key", async () => {
    const op = "GetOrganizationUser";
    const unknown = await call(sim, op, "GET", "/organizations/users/33333333-3333-4333-8333-333333333333");
    expect([unknown.status, firstError(unknown)?.code]).toEqual([404, "10005"]);
    const malformed = await call(sim, op, "GET", "/organizations/users/abc");
    expect([malformed.status, firstError(malformed)?.code]).toEqual([400, "10006"]);
    const id = subUser().id;
    expect((await call(sim, op, "GET", `/organizations/users/${id}?include_groups=maybe`)).status).toBe(400);
    expect((await call(sim, op, "GET", `/organizations/users/${id}`, { apiKey: "x" })).status).toBe(401);
  });
});

describe("POST /organizations/users/{id}/actions/remove", () => {
  const OP = "DeleteOrganizationUser";

  it("removes a sub-user: gone from list, retrieve (404) and report", async () => {
    const target = subUser("disabled");
    const removed = await call(sim, OP, "POST", `/organizations/users/${target.id}/actions/remove`);
    expect(dataOf<WireUser>(removed).id).toBe(target.id);
    const list = listOf<WireUser>(await call(sim, LIST, "GET", "/organizations/users"));
    expect(list.meta.total_results).toBe(159);
    expect(list.data.some((u) => u.id === target.id)).toBe(false);
    expect((await call(sim, "GetOrganizationUser", "GET", `/organizations/users/${target.id}`)).status).toBe(
      404,
    );
    const report = await call(sim, REPORT, "GET", "/organizations/users/users_groups_report");
    expect(dataOf<WireUser[]>(report).some((u) => u.id === target.id)).toBe(false);
    const csv = await call(sim, REPORT, "GET", "/organizations/users/users_groups_report", {
      headers: { accept: "text/csv" },
    });
    expect(csv.text).not.toContain(target.id);
    expect((await call(sim, OP, "POST", `/organizations/users/${target.id}/actions/remove`)).status).toBe(
      404,
    );
  });

  it("refuses to remove the organization owner with 403 code 10010", async () => {
    const theOwner = owner();
    if (!theOwner) throw new Error("no owner");
    const answer = await call(sim, OP, "POST", `/organizations/users/${theOwner.id}/actions/remove`);
    expect([answer.status, firstError(answer)?.code]).toEqual([403, "10010"]);
    expect(
      (await call(sim, "GetOrganizationUser", "GET", `/organizations/users/${theOwner.id}`)).status,
    ).toBe(200);
  });

  it("answers 400 for a malformed id and 401 without a key", async () => {
    expect((await call(sim, OP, "POST", "/organizations/users/1/actions/remove")).status).toBe(400);
    expect(
      (await call(sim, OP, "POST", `/organizations/users/${subUser().id}/actions/remove`, { apiKey: null }))
        .status,
    ).toBe(401);
    expect(listOf(await call(sim, LIST, "GET", "/organizations/users")).meta.total_results).toBe(160);
  });
});

describe("GET /organizations/users/users_groups_report", () => {
  it("answers JSON with groups by default and for Accept: application/json", async () => {
    for (const headers of [{}, { accept: "application/json" }] as Record<string, string>[]) {
      const answer = await call(sim, REPORT, "GET", "/organizations/users/users_groups_report", { headers });
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(dataOf<WireUser[]>(answer)).toEqual(everyone);
    }
  });

  it("answers CSV with the documented header and one quoted groups cell", async () => {
    const answer = await call(sim, REPORT, "GET", "/organizations/users/users_groups_report", {
      headers: { accept: "text/csv" },
    });
    expect(answer.contentType).toMatch(/^text\/csv/);
    const lines = answer.text.trimEnd().split("\n");
    expect(lines[0]).toBe("id,email,user_status,created_at,last_sign_in_at,groups");
    expect(lines).toHaveLength(161);
    for (const [index, user] of everyone.entries()) {
      const groups = (user.groups ?? []).map((group) => group.name).join(", ");
      const expected = [
        user.id,
        user.email,
        user.user_status,
        user.created_at,
        user.last_sign_in_at ?? "",
      ].join(",");
      expect(lines[index + 1]).toBe(`${expected},"${groups}"`);
    }
    expect(answer.text).toMatch(/,"[A-Za-z]+, [A-Za-z]+/);
  });

  it("answers 401 without a key", async () => {
    expect(
      (await rawCall(sim, "GET", "/organizations/users/users_groups_report", { apiKey: null })).status,
    ).toBe(401);
  });
});
