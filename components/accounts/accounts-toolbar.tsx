"use client";

import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { ListViewControls } from "@/components/views/list-view-controls";
import { accountsViewQueryOf } from "@/lib/accounts/list-query";
import type { AccountListStateApi } from "./use-account-list-state";
import { ExportAccounts } from "./export-accounts";
import { FilterInput } from "./filter-input";

/** Email and organization filters; any change goes back to page 1. */
export function AccountsToolbar({ list }: { list: AccountListStateApi }) {
  const { state, setState, hasFilters } = list;
  const setEmail = useCallback(
    ({ value, match }: { value: string; match: "contains" | "eq" }) =>
      void setState({ email: value, emailMatch: match, page: 1 }, { history: "replace" }),
    [setState],
  );
  const setOrg = useCallback(
    ({ value, match }: { value: string; match: "contains" | "eq" }) =>
      void setState({ org: value, orgMatch: match, page: 1 }, { history: "replace" }),
    [setState],
  );
  return (
    <div role="search" aria-label="Filter accounts" className="flex flex-wrap items-start gap-4">
      <FilterInput
        label="Email"
        name="email"
        value={state.email}
        match={state.emailMatch}
        placeholder="e.g. acme.com"
        onChange={setEmail}
      />
      <FilterInput
        label="Organization"
        name="org"
        value={state.org}
        match={state.orgMatch}
        placeholder="e.g. Acme"
        onChange={setOrg}
      />
      {hasFilters ? (
        <Button variant="ghost" className="mt-7" onClick={() => void clearFilters(list)}>
          Clear filters
        </Button>
      ) : null}
      <div className="w-full sm:ml-auto sm:mt-6 sm:w-auto">
        <ExportAccounts list={list} />
      </div>
      <div className="w-full sm:mt-6 sm:w-auto">
        <ListViewControls list="accounts" query={accountsViewQueryOf(state)} />
      </div>
    </div>
  );
}

export function clearFilters({ setState }: AccountListStateApi, { alsoStatus = false } = {}) {
  return setState({
    ...(alsoStatus ? { status: null } : {}),
    email: null,
    emailMatch: null,
    org: null,
    orgMatch: null,
    includeCancelled: null,
    page: null,
  });
}
