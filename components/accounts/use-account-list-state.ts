"use client";

import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { useScopeTransition } from "@/components/ui/transition-scope";
import { toListQuery } from "@/lib/accounts/list-query";
import { accountListParsers } from "@/lib/accounts/url-state";

type SetAccountListState = ReturnType<typeof useQueryStates<typeof accountListParsers>>[1];

/**
 * The list's URL state and the query it asks for. Paging, sort, tabs and page size push a history entry
 * (back/forward walks them); filter edits replace the current one so typing does not flood history.
 * Tabs, paging and sort change through `setStateInTransition`: the click paints at once and the table (dimmed,
 * with its previous rows) re-renders after, so a slow device never holds the tap for a whole table's render.
 * A control that shows the URL state itself (the filters, the checkbox) uses `setState`: a transition would
 * hold its new value back until the table has rendered. The transition is the enclosing TransitionScope's,
 * so that its pending state re-renders the dimming and the progress bar, not the view.
 */
export function useAccountListState() {
  const [state, setState] = useQueryStates(accountListParsers, { history: "push", scroll: false });
  const startTransition = useScopeTransition();
  const setStateInTransition = useCallback<SetAccountListState>(
    (...args) => {
      let result: ReturnType<SetAccountListState> | undefined;
      startTransition(() => {
        result = setState(...args);
      });
      return result!;
    },
    [setState, startTransition],
  );
  const query = toListQuery(state);
  const hasFilters = state.email !== "" || state.org !== "" || state.includeCancelled;
  return { state, setState, setStateInTransition, query, hasFilters };
}

export type AccountListStateApi = ReturnType<typeof useAccountListState>;
