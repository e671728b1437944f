// Managed accounts in the browser: query options (shared with the server pages' prefetch, so keys match).
// The mutation hooks, one per action, are in ./account-mutations.ts: only the dialogs that load on first use
// need them, not the pages' first load. The create call is deliberately NOT here: its answer carries the new
// API key, which must never enter the query cache (see components/accounts/create-form.tsx).
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import type {
  ChannelPool,
  ManagedAccount,
  ManagedAccountListMeta,
  ManagedAccountListQuery,
} from "@/lib/schemas/managed-accounts";
import type { AccountDetail } from "@/lib/accounts/types";
import { accountKeys } from "./account-keys";
import { fetchJson } from "./fetch-json";

export { accountKeys };

/** The list's query as URL parameters; the export sends the same ones. */
export function toSearch(query: ManagedAccountListQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function accountListOptions(query: ManagedAccountListQuery) {
  return queryOptions({
    queryKey: accountKeys.list(query),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<ManagedAccount> & { meta: ManagedAccountListMeta }>(
        `/api/managed-accounts?${toSearch(query)}`,
        { signal },
      ),
    // The old page stays on screen (dimmed, with a progress bar) while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** Every status tab's count for the list's filters: the All tab's answer carries them; one row is enough. */
export function accountStatusCountsOptions(query: ManagedAccountListQuery) {
  const countsQuery = {
    ...query,
    status: "all" as const,
    page: 1,
    pageSize: 1,
    sort: "-created_at" as const,
  };
  return queryOptions({
    ...accountListOptions(countsQuery),
    // Counts of other filters would mislead while these load.
    placeholderData: undefined,
    select: (answer) => answer.meta.statusCounts,
  });
}

export function channelPoolOptions() {
  return queryOptions({
    queryKey: accountKeys.pool(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: ChannelPool }>("/api/managed-accounts/channels", { signal })).data,
  });
}

export function accountDetailOptions(id: string) {
  return queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: AccountDetail }>(`/api/managed-accounts/${id}`, { signal })).data,
  });
}
