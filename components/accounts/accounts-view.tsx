"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useDeferredValue, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { BusyRegion, PendingProgressBar, TransitionScope } from "@/components/ui/transition-scope";
import { accountListOptions, accountStatusCountsOptions } from "@/lib/queries/managed-accounts";
import { AccountsTable } from "./accounts-table";
import { AccountsToolbar, clearFilters } from "./accounts-toolbar";
import { BulkActionBar, preloadBulkActions, type BulkAccountAction } from "./bulk-action-bar";
import { StatusTabs } from "./status-tabs";
import { UpstreamNotice } from "./upstream-notice";
import { useAccountListState } from "./use-account-list-state";
import { toAccountView, useAccountSelection } from "./use-account-selection";

const panelId = "accounts-panel";
// Only a bulk action opens it: the dialog (Radix) and its forms load then, not with the list.
const BulkConfirmDialog = dynamic(
  () => import("./bulk-confirm-dialog").then((module) => module.BulkConfirmDialog),
  {
    ssr: false,
  },
);

/** The accounts list: URL state in, one query out; the first page comes hydrated from the server. */
export function AccountsView() {
  return (
    <TransitionScope>
      <AccountsViewContent />
    </TransitionScope>
  );
}

function AccountsViewContent() {
  const list = useAccountListState();
  const { state, setState, setStateInTransition, query, hasFilters } = list;
  const accounts = useQuery(accountListOptions(query));
  // The rows render from a deferred copy of the answer: a new page arriving (TanStack's update is urgent)
  // then renders its fifty rows in a pass React can interrupt for input and paint around, not in one
  // blocking task; until it has, the table stays as it was, dimmed. A tab, page or sort change dims it
  // before that, from the tap (TransitionScope), without a render of this view.
  const shown = useDeferredValue(accounts.data);
  const isUpdating = (accounts.isFetching && accounts.isPlaceholderData) || shown !== accounts.data;
  const viewTotal = accounts.isPlaceholderData ? undefined : accounts.data?.meta.totalResults;
  const selection = useAccountSelection(toAccountView(query), viewTotal);
  // The All tab's answer carries every tab's count; another tab asks for them (one row, cached) and knows
  // its own count exactly from its answer.
  const otherTabCounts = useQuery({ ...accountStatusCountsOptions(query), enabled: state.status !== "all" });
  const counts =
    state.status === "all"
      ? accounts.isPlaceholderData
        ? undefined
        : accounts.data?.meta.statusCounts
      : { ...otherTabCounts.data, ...(viewTotal !== undefined ? { [state.status]: viewTotal } : {}) };
  const [bulkAction, setBulkAction] = useState<BulkAccountAction | null>(null);

  return (
    <div className="flex flex-col gap-4">
      <AccountsToolbar list={list} />
      <Card className="p-0!">
        <StatusTabs
          value={state.status}
          counts={counts}
          panelId={panelId}
          onChange={(status) => void setStateInTransition({ status, page: 1 })}
        />
        <div
          id={panelId}
          role="tabpanel"
          aria-labelledby={`status-tab-${state.status}`}
          onPointerEnter={preloadBulkActions}
          onFocus={preloadBulkActions}
        >
          {state.status === "all" ? (
            <label className="flex items-center gap-2 px-4 pt-3 text-sm text-slate-600 dark:text-slate-300">
              <input
                type="checkbox"
                checked={state.includeCancelled}
                onChange={(event) => void setState({ includeCancelled: event.target.checked, page: 1 })}
              />
              Include cancelled accounts (Telnyx hides them unless asked)
            </label>
          ) : null}
          <PendingProgressBar isActive={isUpdating} label="Loading the next page" />
          <div className="px-4 pt-2">
            <UpstreamNotice
              failureCount={accounts.failureCount}
              failureReason={accounts.failureReason}
              fetchStatus={accounts.fetchStatus}
            />
          </div>
          <ListStates
            query={{ ...accounts, data: shown }}
            noun="accounts"
            isEmpty={(list) => list.data.length === 0}
            empty={
              <EmptyPanel
                title={
                  hasFilters || state.status !== "all"
                    ? "No accounts match this view."
                    : "No managed accounts yet."
                }
              >
                {state.page > 1 ? (
                  <Button variant="secondary" size="sm" onClick={() => void setState({ page: null })}>
                    Go to the first page
                  </Button>
                ) : hasFilters || state.status !== "all" ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => void clearFilters(list, { alsoStatus: true })}
                  >
                    Clear filters
                  </Button>
                ) : null}
              </EmptyPanel>
            }
          >
            {(page) => (
              <>
                <BulkActionBar
                  selection={selection}
                  viewTotal={viewTotal}
                  pageCount={page.data.length}
                  onAction={setBulkAction}
                />
                <BusyRegion isBusy={isUpdating}>
                  <AccountsTable
                    accounts={page.data}
                    sort={query.sort}
                    selection={selection}
                    onSort={(sort) => void setStateInTransition({ sort, page: 1 })}
                  />
                </BusyRegion>
                <ListPagination
                  meta={page.meta}
                  noun="accounts"
                  onPageChange={(number) => void setStateInTransition({ page: number })}
                  onPageSizeChange={(pageSize) => void setStateInTransition({ pageSize, page: 1 })}
                />
              </>
            )}
          </ListStates>
        </div>
      </Card>
      {bulkAction ? (
        <BulkConfirmDialog action={bulkAction} selection={selection} onClose={() => setBulkAction(null)} />
      ) : null}
    </div>
  );
}
