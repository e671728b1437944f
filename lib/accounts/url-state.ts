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
import {
  accountSorts,
  managedAccountListQuerySchema,
  matchModes,
  type ManagedAccountListQuery,
} from "@/lib/schemas/managed-accounts";
import { defaultListPageSize, listPageSizes } from "@/lib/schemas/common";

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
export function isFilterReady(value: string, match: (typeof matchModes)[number]): boolean {
  const text = value.trim();
  return text === "" || match === "eq" || text.length >= minContainsLength;
}

/**
 * The query the list asks for. Both sides build it the same way, so the server's prefetched page and the
 * browser's first query share one cache key. A filter that is not ready yet (a pasted `?email=ab`) is left
 * out rather than sent to be refused; the toolbar explains why.
 */
export function toListQuery(state: AccountListUrlState): ManagedAccountListQuery {
  const pageSize = (listPageSizes as readonly number[]).includes(state.pageSize)
    ? state.pageSize
    : defaultListPageSize;
  const parsed = managedAccountListQuerySchema.safeParse({
    page: Math.max(1, state.page),
    pageSize,
    email: isFilterReady(state.email, state.emailMatch) ? state.email.trim() : undefined,
    emailMatch: state.emailMatch,
    org: isFilterReady(state.org, state.orgMatch) ? state.org.trim() : undefined,
    orgMatch: state.orgMatch,
    status: state.status,
    sort: state.sort,
    includeCancelled: state.includeCancelled,
  });
  return parsed.success ? parsed.data : managedAccountListQuerySchema.parse({});
}
