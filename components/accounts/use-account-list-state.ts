"use client";

import { useQueryStates } from "nuqs";
import { accountListParsers, toListQuery } from "@/lib/accounts/url-state";

/**
 * The list's URL state and the query it asks for. Paging, sort, tabs and page size push a history entry
 * (back/forward walks them); filter edits replace the current one so typing does not flood history.
 */
export function useAccountListState() {
  const [state, setState] = useQueryStates(accountListParsers, { history: "push", scroll: false });
  const query = toListQuery(state);
  const hasFilters = state.email !== "" || state.org !== "" || state.includeCancelled;
  return { state, setState, query, hasFilters };
}

export type AccountListStateApi = ReturnType<typeof useAccountListState>;
