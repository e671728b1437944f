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
import { accountSorts, defaultListPageSize, matchModes } from "@/lib/schemas/values";

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
export type MatchMode = (typeof matchModes)[number];

export function isFilterReady(value: string, match: MatchMode): boolean {
  const text = value.trim();
  return text === "" || match === "eq" || text.length >= minContainsLength;
}
