// The query the accounts list asks for, built from its URL state (lib/accounts/url-state.ts). Apart from the
// parsers because the console shell reads those on every page (saved views' addresses) and needs none of this.
import type { ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";
import { hasUnsafeCharacters } from "@/lib/schemas/text-rules";
import { defaultListPageSize, listPageSizes, maxListPage } from "@/lib/schemas/values";
import { isFilterReady, type AccountListUrlState, type MatchMode } from "./url-state";

// What managedAccountListQuerySchema would make of a filter (blank is absent, trimmed, at most `maxLength`
// characters, no control or invisible characters), or null where it would refuse it. Written out rather
// than parsed with the schema so the browser's list does not download zod; the server still validates
// every request with the schema, and tests/unit/accounts/list-query.test.ts holds the two to the same answers.
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

/** What "Save view" keeps of the accounts list: the query it asks for (unready filters left out), no page. */
export function accountsViewQueryOf(state: AccountListUrlState): Record<string, unknown> {
  const { page: _page, ...query } = toListQuery(state);
  return query;
}
