// The fleet's balances in the browser: the list, the latest refresh (polled while it runs) and "refresh
// now". Routes: app/api/balances.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BalanceListQuery, BalanceRefresh, FleetBalance } from "@/lib/schemas/balances";
import type { ListResult } from "@/lib/schemas/common";
import { accountKeys } from "./account-keys";
import { fetchJson } from "./fetch-json";

export const balanceKeys = {
  all: ["balances"] as const,
  list: (query: BalanceListQuery) => [...balanceKeys.all, "list", query] as const,
  refresh: () => [...balanceKeys.all, "refresh"] as const,
};

export const isRefreshLive = (refresh: BalanceRefresh | null | undefined) =>
  refresh?.status === "queued" || refresh?.status === "running";

function toSearch(query: BalanceListQuery): string {
  const params = new URLSearchParams({
    sort: query.sort,
    page: String(query.page),
    pageSize: String(query.pageSize),
  });
  if (query.order) params.set("order", query.order);
  if (query.belowThreshold) params.set("belowThreshold", "1");
  return params.toString();
}

export function balanceListOptions(query: BalanceListQuery) {
  return queryOptions({
    queryKey: balanceKeys.list(query),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<FleetBalance>>(`/api/balances?${toSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function latestRefreshOptions() {
  return queryOptions({
    queryKey: balanceKeys.refresh(),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: BalanceRefresh | null }>("/api/balances/refresh", { signal })).data,
    refetchInterval: (current) => (isRefreshLive(current.state.data) ? 2_000 : 30_000),
    staleTime: 0,
  });
}

export function useStartRefresh() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      fetchJson<{ data: BalanceRefresh; alreadyRunning: boolean }>("/api/balances/refresh", {
        method: "POST",
        json: {},
      }),
    onSuccess: (answer) => client.setQueryData(balanceKeys.refresh(), answer.data),
  });
}

/** A refresh ended: the lists built from its snapshots are stale. */
export function refreshAfterBalances(client: ReturnType<typeof useQueryClient>) {
  void client.invalidateQueries({ queryKey: [...balanceKeys.all, "list"] });
  void client.invalidateQueries({ queryKey: accountKeys.all });
}
