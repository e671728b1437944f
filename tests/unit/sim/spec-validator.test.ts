import { existsSync, readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { expectSpec, fixtureSpecPath, sharedSpecPath } from "./spec-validator";

// The validator must be able to say no, or every "validated" answer elsewhere means nothing.

const item = {
  id: "f65ceda4-6522-4ad6-aede-98de83385123",
  record_type: "managed_account",
  email: "user@example.com",
  api_user: "manager@example.com",
  manager_account_id: "f65ceda4-6522-4ad6-aede-98de83385123",
  created_at: "2018-02-02T22:25:27.521Z",
  updated_at: "2018-02-02T22:25:27.521Z",
};
const meta = { page_number: 1, page_size: 20, total_pages: 1, total_results: 1 };
const json = (status: number, body: unknown) => ({ status, contentType: "application/json", body });
const user = {
  id: "6a09cdc3-8948-47f0-aa62-74ac943d6c58",
  record_type: "organization_sub_user",
  email: "user@example.com",
  user_status: "enabled",
  created_at: "2018-02-02T22:25:27.521Z",
  last_sign_in_at: null,
  organization_user_bypasses_sso: false,
};

describe("spec validator", () => {
  it("accepts a documented list answer and a null last_sign_in_at (OpenAPI 3.1 type arrays)", () => {
    expect(() => expectSpec("ListManagedAccounts", json(200, { data: [item], meta }))).not.toThrow();
    expect(() => expectSpec("ListOrganizationUsers", json(200, { data: [user], meta }))).not.toThrow();
  });

  it("rejects secrets or a status in a list item, and unknown top-level fields", () => {
    expect(() =>
      expectSpec("ListManagedAccounts", json(200, { data: [{ ...item, api_key: "KEY0" }], meta })),
    ).toThrow(/additional/);
    expect(() =>
      expectSpec("ListManagedAccounts", json(200, { data: [{ ...item, status: "enabled" }], meta })),
    ).toThrow();
    expect(() => expectSpec("ListManagedAccounts", json(200, { data: [], meta, extra: 1 }))).toThrow();
  });

  it("rejects a missing required field, a wrong type, a bad format and a bad enum", () => {
    const { api_user: _dropped, ...missing } = item;
    expect(() => expectSpec("ListManagedAccounts", json(200, { data: [missing], meta }))).toThrow(/api_user/);
    expect(() =>
      expectSpec("ListManagedAccounts", json(200, { data: [item], meta: { ...meta, page_size: "20" } })),
    ).toThrow();
    expect(() =>
      expectSpec("ListManagedAccounts", json(200, { data: [{ ...item, id: "nope" }], meta })),
    ).toThrow(/uuid/);
    expect(() =>
      expectSpec("ListOrganizationUsers", json(200, { data: [{ ...user, user_status: "gone" }], meta })),
    ).toThrow();
    expect(() => expectSpec("GetOrganizationUsersGroupsReport", json(200, { data: [user] }))).toThrow(
      /groups/,
    );
  });

  it("rejects undocumented statuses and media types unless allowed, and non-envelope errors", () => {
    expect(() => expectSpec("ListManagedAccounts", json(422, { errors: [] }))).toThrow(/does not document/);
    expect(() => expectSpec("RetrieveManagedAccount", json(404, { message: "nope" }))).toThrow(/envelope/);
    expect(() =>
      expectSpec("ListManagedAccounts", { status: 200, contentType: "text/csv", body: "a,b" }),
    ).toThrow(/media type/);
    expect(() =>
      expectSpec("GetOrganizationUsersGroupsReport", {
        status: 200,
        contentType: "text/csv",
        body: "id,email",
      }),
    ).not.toThrow();
  });

  it("uses a fixture identical to the shared spec when the shared copy is present", () => {
    if (!existsSync(sharedSpecPath)) return;
    expect(readFileSync(fixtureSpecPath, "utf8")).toBe(readFileSync(sharedSpecPath, "utf8"));
  });
});
