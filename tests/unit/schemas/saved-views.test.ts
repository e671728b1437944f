import { describe, expect, it } from "vitest";
import {
  accountsViewQuerySchema,
  createSavedViewBodySchema,
  usersViewQuerySchema,
} from "@/lib/schemas/saved-views";

// What a saved view may hold: a name people can read, and exactly the query its list would accept and show.

const fieldsOf = (input: unknown) => {
  const result = createSavedViewBodySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
};

describe("saved view bodies", () => {
  it("accepts a name of 1 to 80 visible characters, trimmed, and defaults shared to false", () => {
    const body = createSavedViewBodySchema.parse({ list: "users", name: "  Dormant  ", query: {} });
    expect(body).toMatchObject({ name: "Dormant", shared: false, query: { pageSize: 50 } });
    expect(fieldsOf({ list: "accounts", name: "x".repeat(80), query: {} })).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["spaces only", "   "],
    ["invisible only", "\u200b\u2060"],
    ["81 characters", "x".repeat(81)],
    ["a NUL", "a\u0000b"],
    ["a bidi override", "a\u202eb"],
    ["a line break", "a\nb"],
  ])("refuses a name that is %s", (_label, name) => {
    expect(fieldsOf({ list: "accounts", name, query: {} })).toContain("name");
  });

  it("refuses an unknown list, unknown keys, and a query for the other list", () => {
    expect(fieldsOf({ list: "staff", name: "A", query: {} })).toContain("list");
    expect(fieldsOf({ list: "accounts", name: "A", query: {}, owner: "x" })).not.toEqual([]);
    expect(fieldsOf({ list: "users", name: "A", query: { sort: "email" } })).not.toEqual([]);
  });
});

describe("view queries", () => {
  it("keeps the accounts list's filters, sort and page size, filling its defaults", () => {
    expect(accountsViewQuerySchema.parse({ org: "Acme", orgMatch: "eq", pageSize: 100 })).toEqual({
      org: "Acme",
      orgMatch: "eq",
      emailMatch: "contains",
      pageSize: 100,
      status: "all",
      sort: "-created_at",
      includeCancelled: false,
    });
  });

  it.each([
    [{ page: 2 }, ""],
    [{ email: "ab" }, "email"],
    [{ pageSize: 30 }, "pageSize"],
    [{ pageSize: 0 }, "pageSize"],
    [{ status: "frozen" }, "status"],
    [{ sort: "name" }, "sort"],
    [{ email: "a\u0000bc" }, "email"],
  ])("refuses the accounts query %j", (query, field) => {
    const result = accountsViewQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    if (field) expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it("keeps the users list's email, status and page size, and refuses what its list does not offer", () => {
    expect(usersViewQuerySchema.parse({ status: "disabled", pageSize: 25 })).toEqual({
      status: "disabled",
      pageSize: 25,
    });
    expect(usersViewQuerySchema.safeParse({ pageSize: 30 }).success).toBe(false);
    expect(usersViewQuerySchema.safeParse({ includeGroups: true }).success).toBe(false);
  });
});
