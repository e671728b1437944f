// Low-balance alerts in the browser: the list, the shell's open count, acknowledge, an account's threshold
// and the webhook delivery log. Routes: app/api/alerts, app/api/webhook-deliveries.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { Alert, AlertStatus, AlertThreshold, Delivery } from "@/lib/schemas/alerts";
import type { ListResult } from "@/lib/schemas/common";
import { fetchJson } from "./fetch-json";
import { openAlertCountKey } from "./shell-badges";

export { openAlertCountOptions } from "./shell-badges";

export type AlertList = ListResult<Alert> & { meta: ListResult<Alert>["meta"] & { openCount: number } };
export interface AlertListQuery {
  status: AlertStatus;
  page: number;
  pageSize: number;
}

export const alertKeys = {
  all: ["alerts"] as const,
  list: (query: AlertListQuery) => [...alertKeys.all, "list", query] as const,
  openCount: () => openAlertCountKey,
  deliveries: (query: object) => [...alertKeys.all, "deliveries", query] as const,
  threshold: (accountId: string) => [...alertKeys.all, "threshold", accountId] as const,
};

const search = (query: object) =>
  new URLSearchParams(
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, String(value)]),
  ).toString();

export function alertListOptions(query: AlertListQuery) {
  return queryOptions({
    queryKey: alertKeys.list(query),
    queryFn: ({ signal }) => fetchJson<AlertList>(`/api/alerts?${search(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAcknowledgeAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) =>
      (
        await fetchJson<{ data: { acknowledged: Alert[]; skipped: string[] } }>("/api/alerts/acknowledge", {
          method: "POST",
          json: { ids },
        })
      ).data,
    onSettled: () => void client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function alertThresholdOptions(accountId: string) {
  return queryOptions({
    queryKey: alertKeys.threshold(accountId),
    queryFn: async ({ signal }) =>
      (
        await fetchJson<{ data: AlertThreshold }>(`/api/managed-accounts/${accountId}/alert-threshold`, {
          signal,
        })
      ).data,
  });
}

export function useSetAlertThreshold(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { threshold: string | null; reason: string }) =>
      (
        await fetchJson<{ data: AlertThreshold }>(`/api/managed-accounts/${accountId}/alert-threshold`, {
          method: "PUT",
          json: body,
        })
      ).data,
    onSuccess: (threshold) => client.setQueryData(alertKeys.threshold(accountId), threshold),
  });
}

export function deliveryListOptions(query: { status?: Delivery["status"]; page: number; pageSize: number }) {
  return queryOptions({
    queryKey: alertKeys.deliveries(query),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<Delivery>>(`/api/webhook-deliveries?${search(query)}`, { signal }),
    placeholderData: keepPreviousData,
    // Pending deliveries move on their own (retries): keep the log current while any is pending.
    refetchInterval: (current) =>
      current.state.data?.data.some((row) => row.status === "pending") ? 5_000 : false,
  });
}
