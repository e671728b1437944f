"use client";

import { useCallback, useMemo, useState } from "react";
import type { ManagedAccount, ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";

export type SelectedAccount = Pick<ManagedAccount, "id" | "email" | "organizationName">;

/** The list query without paging: which accounts a whole-view job acts on, resolved by the server. */
export type AccountView = Omit<ManagedAccountListQuery, "page" | "pageSize">;

export function toAccountView(query: ManagedAccountListQuery): AccountView {
  const { page: _page, pageSize: _pageSize, ...view } = query;
  return view;
}

interface SelectionState {
  viewKey: string;
  picked: Map<string, SelectedAccount>;
  isWholeView: boolean;
}

const emptyFor = (viewKey: string): SelectionState => ({ viewKey, picked: new Map(), isWholeView: false });

/**
 * Which accounts the bulk bar acts on: rows picked one by one (kept across pages of one view), or the whole
 * view ("all N accounts"), which the server resolves to ids when the job is created. Changing the filters,
 * tab or order starts again: a selection made for one view must not silently act on another.
 */
export function useAccountSelection(view: AccountView, viewTotal: number | undefined) {
  const viewKey = JSON.stringify(view);
  const [state, setState] = useState<SelectionState>(() => emptyFor(viewKey));
  const current = state.viewKey === viewKey ? state : emptyFor(viewKey);

  const update = useCallback(
    (change: (previous: SelectionState) => SelectionState) =>
      setState((previous) => change(previous.viewKey === viewKey ? previous : emptyFor(viewKey))),
    [viewKey],
  );

  const toggle = useCallback(
    (account: SelectedAccount, pageAccounts: SelectedAccount[]) =>
      update((previous) => {
        if (previous.isWholeView) {
          // Unticking one row of a whole view keeps the rest of this page ticked.
          const picked = new Map(pageAccounts.map((row) => [row.id, row]));
          picked.delete(account.id);
          return { ...previous, picked, isWholeView: false };
        }
        const picked = new Map(previous.picked);
        if (picked.has(account.id)) picked.delete(account.id);
        else picked.set(account.id, account);
        return { ...previous, picked, isWholeView: false };
      }),
    [update],
  );

  const setPage = useCallback(
    (pageAccounts: SelectedAccount[], isSelected: boolean) =>
      update((previous) => {
        const picked = previous.isWholeView ? new Map<string, SelectedAccount>() : new Map(previous.picked);
        for (const row of pageAccounts) {
          if (isSelected) picked.set(row.id, row);
          else picked.delete(row.id);
        }
        return { ...previous, picked, isWholeView: false };
      }),
    [update],
  );

  const selectWholeView = useCallback(
    () => update((previous) => ({ ...previous, picked: new Map(), isWholeView: true })),
    [update],
  );
  const clear = useCallback(() => update(() => emptyFor(viewKey)), [update, viewKey]);

  return useMemo(
    () => ({
      view,
      isWholeView: current.isWholeView,
      picked: [...current.picked.values()],
      count: current.isWholeView ? (viewTotal ?? 0) : current.picked.size,
      isSelected: (id: string) => current.isWholeView || current.picked.has(id),
      toggle,
      setPage,
      selectWholeView,
      clear,
    }),
    [view, current, viewTotal, toggle, setPage, selectWholeView, clear],
  );
}

export type AccountSelection = ReturnType<typeof useAccountSelection>;
