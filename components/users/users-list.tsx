"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { Card } from "@/components/ui/card";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Button } from "@/components/ui/button";
import { orgUserListOptions } from "@/lib/queries/org-users";
import { orgUserListParsers, toOrgUserListQuery } from "@/lib/queries/org-users-url-state";
import type { UserStatus } from "@/lib/schemas/org-users";
import { ListPagination } from "@/components/ui/list-pagination";
import { UsersTable } from "./users-table";
import { UsersToolbar } from "./users-toolbar";
import { ListViewControls } from "@/components/views/list-view-controls";
import { usersViewQueryOf } from "@/lib/queries/saved-views";

/** The /users table: URL state → query → table. The server rendered the first page into the cache. */
export function UsersList() {
  // Every change is a history entry, so back and forward step through filters and pages.
  const [state, setState] = useQueryStates(orgUserListParsers, { history: "push" });
  const query = toOrgUserListQuery(state);
  const users = useQuery(orgUserListOptions(query));

  const setEmail = useCallback((email: string) => setState({ email: email.trim(), page: 1 }), [setState]);
  const setStatus = useCallback((status: UserStatus | null) => setState({ status, page: 1 }), [setState]);
  const clearFilters = useCallback(() => setState({ email: null, status: null, page: 1 }), [setState]);

  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div className="px-4">
        <UsersToolbar
          email={state.email}
          status={state.status}
          onEmailChange={setEmail}
          onStatusChange={setStatus}
          onClear={clearFilters}
        >
          <ListViewControls list="users" query={usersViewQueryOf(state)} />
        </UsersToolbar>
      </div>
      <div aria-busy={users.isFetching} className={users.isPlaceholderData ? "opacity-60" : undefined}>
        <ListStates
          query={users}
          noun="users"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel title={query.page > 1 ? "No users on this page" : "No users match these filters"}>
              <Button variant="secondary" size="sm" onClick={clearFilters}>
                Show all users
              </Button>
            </EmptyPanel>
          }
        >
          {(list) => <UsersTable users={list.data} caption="Organization users" />}
        </ListStates>
      </div>
      {users.data && users.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={users.data.meta}
          noun="users"
          rangeTestId="users-range"
          onPageChange={(page) => setState({ page })}
          onPageSizeChange={(pageSize) => setState({ pageSize, page: 1 })}
        />
      ) : null}
    </Card>
  );
}
