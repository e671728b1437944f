// The users list's URL state. One set of nuqs parsers for the server page (first render) and the client
// table (later changes), so both read the same query from the same address.
import {
  createLoader,
  parseAsInteger,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import {
  type AccessReviewQuery,
  type OrgUserListQuery,
  type ReviewKind,
  type UserStatus,
} from "@/lib/schemas/org-users";
import { reviewKinds, userStatuses, defaultListPageSize, listPageSizes } from "@/lib/schemas/values";

export const orgUserListParsers = {
  page: parseAsInteger.withDefault(1),
  // An unknown size in a pasted address falls back to the default rather than erroring.
  pageSize: parseAsNumberLiteral(listPageSizes).withDefault(defaultListPageSize),
  email: parseAsString.withDefault(""),
  status: parseAsStringLiteral(userStatuses),
};

export const loadOrgUserListState = createLoader(orgUserListParsers);

export type OrgUserListState = {
  page: number;
  pageSize: number;
  email: string;
  status: UserStatus | null;
};

/** The API query for a URL state. The list always shows groups, so it always asks for them. */
export function toOrgUserListQuery(state: OrgUserListState): OrgUserListQuery {
  const email = state.email.trim();
  return {
    page: Math.min(Math.max(1, Math.floor(state.page)), 100_000),
    pageSize: state.pageSize,
    ...(email ? { email: email.slice(0, 254) } : {}),
    ...(state.status ? { status: state.status } : {}),
    includeGroups: true,
  };
}

// The access review's filters, named as its API names them (kind = why a user is listed).
export const orgUserReviewParsers = {
  kind: parseAsStringLiteral(reviewKinds),
  status: parseAsStringLiteral(userStatuses),
  email: parseAsString.withDefault(""),
};

export const loadOrgUserReviewState = createLoader(orgUserReviewParsers);

export type OrgUserReviewState = {
  kind: ReviewKind | null;
  status: UserStatus | null;
  email: string;
};

export function toAccessReviewQuery(state: OrgUserReviewState): AccessReviewQuery {
  const email = state.email.trim().slice(0, 254);
  return {
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.status ? { status: state.status } : {}),
    ...(email ? { email } : {}),
  };
}
