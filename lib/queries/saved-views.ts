// TanStack Query options for saved views, and the list address a view opens (the sidebar shows both on every
// page; the mutations, which only the save and delete dialogs use, are in ./saved-view-mutations.ts).
import { queryOptions } from "@tanstack/react-query";
import { createSerializer } from "nuqs/server";
import { accountListParsers, type StatusTab } from "@/lib/accounts/url-state";
import type { AccountsViewQuery, SavedView, SavedViewList, UsersViewQuery } from "@/lib/schemas/saved-views";
import type { ListPageSize } from "@/lib/schemas/common";
import { fetchJson } from "./fetch-json";
import { orgUserListParsers, type OrgUserListState } from "./org-users-url-state";

export const savedViewKeys = {
  all: ["saved-views"] as const,
};

/** Every view the person may open, both lists: the sidebar and both toolbars read this one query. */
export function savedViewsOptions() {
  return queryOptions({
    queryKey: savedViewKeys.all,
    queryFn: ({ signal }) => fetchJson<{ data: SavedView[] }>("/api/views", { signal }),
    staleTime: 60_000,
  });
}

// The lists' own URL parsers write the address, leaving defaults out, so a view opens as if typed by hand.
const serializeAccounts = createSerializer(accountListParsers);
const serializeUsers = createSerializer(orgUserListParsers);

export const listPaths: Record<SavedViewList, string> = { accounts: "/accounts", users: "/users" };

/** The address that opens a view: its list, on page 1, with its filters, sort and page size. */
export function savedViewHref(view: Pick<SavedView, "list" | "query">): string {
  if (view.list === "accounts") {
    const query = view.query as AccountsViewQuery;
    return serializeAccounts(listPaths.accounts, {
      ...query,
      email: query.email ?? null,
      org: query.org ?? null,
      // The schema allowed only the list's tabs in.
      status: query.status as StatusTab,
    });
  }
  const query = view.query as UsersViewQuery;
  return serializeUsers(listPaths.users, {
    // The schema allowed only the list's page sizes in.
    pageSize: query.pageSize as ListPageSize,
    email: query.email ?? null,
    status: query.status ?? null,
  });
}

/** What "Save view" keeps of the users list's state: everything but the page. */
export function usersViewQueryOf(state: OrgUserListState): Record<string, unknown> {
  const email = state.email.trim();
  return {
    pageSize: state.pageSize,
    ...(email ? { email } : {}),
    ...(state.status ? { status: state.status } : {}),
  };
}
