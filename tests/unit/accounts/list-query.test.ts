import { describe, expect, it } from "vitest";
import { toListQuery } from "@/lib/accounts/list-query";
import { accountListParsers, type AccountListUrlState } from "@/lib/accounts/url-state";
import { managedAccountListQuerySchema } from "@/lib/schemas/managed-accounts";

// toListQuery builds the list's query without zod (the browser's bundle leaves zod out); the API parses
// the same query with managedAccountListQuerySchema. They must agree, or the server's prefetched page
// would not be the browser's first cache hit and a query the API refuses could be sent.

const defaults = Object.fromEntries(
  Object.entries(accountListParsers).map(([key, parser]) => [key, parser.defaultValue]),
) as AccountListUrlState;

/** What the schema makes of the state: its answer, or its defaults where it refuses it. */
function bySchema(state: AccountListUrlState) {
  const trimmedWhenReady = (value: string, match: string) =>
    value.trim() === "" || match === "eq" || value.trim().length >= 3 ? value.trim() : undefined;
  const parsed = managedAccountListQuerySchema.safeParse({
    ...state,
    page: Math.max(1, state.page),
    pageSize: [10, 25, 50, 100, 250].includes(state.pageSize) ? state.pageSize : 50,
    email: trimmedWhenReady(state.email, state.emailMatch),
    org: trimmedWhenReady(state.org, state.orgMatch),
  });
  return parsed.success ? parsed.data : managedAccountListQuerySchema.parse({});
}

const cases: Partial<AccountListUrlState>[] = [
  {},
  { page: 3, pageSize: 100 },
  { page: 0, pageSize: 7 },
  { page: 100_000 },
  { page: 100_001 },
  { email: "  example  " },
  { email: "ab" },
  { email: "ab", emailMatch: "eq" },
  { email: "   " },
  { email: "bad\u0000name" },
  { email: "a\u202ebc" },
  { org: "x".repeat(255) },
  { org: "x".repeat(256) },
  { email: "e".repeat(254), emailMatch: "eq" },
  { email: "e".repeat(255), emailMatch: "eq" },
  { status: "disabled", sort: "email", includeCancelled: true, orgMatch: "eq", org: "Acme" },
];

describe("toListQuery (no zod) agrees with the API's schema", () => {
  it.each(cases)("%o", (change) => {
    const state = { ...defaults, ...change };
    // Compare as the cache key does: keys with undefined values are not part of it.
    expect(JSON.parse(JSON.stringify(toListQuery(state)))).toEqual(
      JSON.parse(JSON.stringify(bySchema(state))),
    );
  });
});
