// The accounts list's URL state: one set of nuqs parsers read by the server page (first render) and by the
// browser (useQueryStates), so a pasted link, a reload and back/forward all land on the same view.
import {
  createLoader,
  type inferParserType,
  parseAsBoolean,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import type { ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";
import { hasUnsafeCharacters } from "@/lib/schemas/text-rules";
import {
  accountSorts,
  defaultListPageSize,
  listPageSizes,
  matchModes,
  maxListPage,
} from "@/lib/schemas/values";

// The tabs the console offers, one per status Telnyx filters on ("blocked" is not in its spec but filters).
export const statusTabs = ["all", "enabled", "disabled", "blocked", "cancelled"] as const;
export type StatusTab = (typeof statusTabs)[number];

export const accountListParsers = {
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(defaultListPageSize),
  email: parseAsString.withDefault(""),
  emailMatch: parseAsStringLiteral(matchModes).withDefault("contains"),
  org: parseAsString.withDefault(""),
  orgMatch: parseAsStringLiteral(matchModes).withDefault("contains"),
  status: parseAsStringLiteral(statusTabs).withDefault("all"),
  sort: parseAsStringLiteral(accountSorts).withDefault("-created_at"),
  includeCancelled: parseAsBoolean.withDefault(false),
};

export type AccountListUrlState = inferParserType<typeof accountListParsers>;

export const loadAccountListUrlState = createLoader(accountListParsers);

export const minContainsLength = 3;

/** A filter is sent only when Telnyx would accept it: empty, exact, or a contains of 3+ characters. */
type MatchMode = (typeof matchModes)[number];

export function isFilterReady(value: string, match: MatchMode): boolean {
  const text = value.trim();
  return text === "" || match === "eq" || text.length >= minContainsLength;
}

// What managedAccountListQuerySchema would make of a filter (blank is absent, trimmed, at most `maxLength`
// characters, no control or invisible characters), or null where it would refuse it. Written out rather
// than parsed with the schema so the browser's list does not download zod; the server still validates
// every request with the schema, and tests/unit/accounts/url-state.test.ts holds the two to the same answers.
function filterText(value: string, match: MatchMode, maxLength: number): string | undefined | null {
  const text = value.trim();
  if (text === "" || !isFilterReady(text, match)) return undefined;
  return text.length > maxLength || hasUnsafeCharacters(text) ? null : text;
}

const defaultListQuery: ManagedAccountListQuery = {
  page: 1,
  pageSize: defaultListPageSize,
  emailMatch: "contains",
  orgMatch: "contains",
  status: "all",
  sort: "-created_at",
  includeCancelled: false,
};

/**
 * The query the list asks for. Both sides build it the same way, so the server's prefetched page and the
 * browser's first query share one cache key. A filter that is not ready yet (a pasted `?email=ab`) is left
 * out rather than sent to be refused; the toolbar explains why. Anything the API would refuse gives the
 * default query.
 */
export function toListQuery(state: AccountListUrlState): ManagedAccountListQuery {
  const pageSize = (listPageSizes as readonly number[]).includes(state.pageSize)
    ? state.pageSize
    : defaultListPageSize;
  const page = Math.max(1, state.page);
  const email = filterText(state.email, state.emailMatch, 254);
  const org = filterText(state.org, state.orgMatch, 255);
  if (!Number.isSafeInteger(page) || page > maxListPage || email === null || org === null) {
    return { ...defaultListQuery };
  }
  return {
    page,
    pageSize,
    ...(email === undefined ? {} : { email }),
    emailMatch: state.emailMatch,
    ...(org === undefined ? {} : { org }),
    orgMatch: state.orgMatch,
    status: state.status,
    sort: state.sort,
    includeCancelled: state.includeCancelled,
  };
}
