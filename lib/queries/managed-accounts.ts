// Managed accounts in the browser: query options (shared with the server pages' prefetch, so keys match)
// and one mutation hook per action. The create call is deliberately NOT here: its answer carries the new
// API key, which must never enter the query cache (see components/accounts/create-form.tsx).
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { toast } from "@/lib/queries/notify";
import type { ListResult } from "@/lib/schemas/common";
import type {
  ChannelLimit,
  ChannelPool,
  ManagedAccount,
  ManagedAccountListMeta,
  ManagedAccountListQuery,
} from "@/lib/schemas/managed-accounts";
import type { AccountDetail } from "@/lib/accounts/types";
import { auditKeys } from "./audit";
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

/** Writes an account's new state into every cached list page and its detail, then refetches them. */
function applyAccount(client: QueryClient, account: Partial<ManagedAccount> & { id: string }) {
  client.setQueriesData<ListResult<ManagedAccount>>({ queryKey: accountKeys.lists() }, (page) =>
    page
      ? { ...page, data: page.data.map((row) => (row.id === account.id ? { ...row, ...account } : row)) }
      : page,
  );
  client.setQueryData<AccountDetail>(accountKeys.detail(account.id), (detail) =>
    detail ? { ...detail, ...account } : detail,
  );
}

function refreshAccount(client: QueryClient, id: string) {
  // Status tabs change membership, so every list is refetched, not only patched.
  void client.invalidateQueries({ queryKey: accountKeys.lists() });
  void client.invalidateQueries({ queryKey: accountKeys.detail(id) });
  // The audit trail's own history query for this account (components/audit/history-list).
  void client.invalidateQueries({ queryKey: [...auditKeys.all, "history", id] });
}

const post = <T>(url: string, method: string, json: unknown) => fetchJson<T>(url, { method, json });

/** A change's answer: `notice` says when it was told from a read-back because Telnyx's answer was lost. */
type ChangeAnswer<T> = { data: T; notice?: string };

function toastDone(message: string, notice: string | undefined) {
  toast.success(message, notice ? { description: notice } : undefined);
}

export function useDisableAccount(account: Pick<ManagedAccount, "id" | "email">) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      post<ChangeAnswer<ManagedAccount>>(`/api/managed-accounts/${account.id}/disable`, "POST", { reason }),
    onSuccess: ({ data, notice }) => {
      applyAccount(client, { ...data, status: data.status ?? "disabled" });
      toastDone(`${account.email} is disabled.`, notice);
    },
    onSettled: () => refreshAccount(client, account.id),
  });
}

export function useEnableAccount(account: Pick<ManagedAccount, "id" | "email">) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; reenableAllConnections: boolean }) =>
      post<ChangeAnswer<ManagedAccount>>(`/api/managed-accounts/${account.id}/enable`, "POST", body),
    onSuccess: ({ data, notice }, body) => {
      applyAccount(client, { ...data, status: data.status ?? "enabled" });
      toastDone(
        body.reenableAllConnections
          ? `${account.email} is enabled; its connections were re-enabled where they passed validation.`
          : `${account.email} is enabled.`,
        notice,
      );
    },
    onSettled: () => refreshAccount(client, account.id),
  });
}

export function useSetChannelLimit(account: Pick<ManagedAccount, "id" | "email">) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { channelLimit: number; reason: string }) =>
      post<ChangeAnswer<ChannelLimit>>(`/api/managed-accounts/${account.id}/channel-limit`, "PUT", body),
    onSuccess: ({ data, notice }) => {
      toastDone(`Channel limit for ${account.email} set to ${data.channelLimit}.`, notice);
    },
    onSettled: () => {
      refreshAccount(client, account.id);
      void client.invalidateQueries({ queryKey: accountKeys.pool() });
    },
  });
}

/**
 * Optimistic: once the dialog is confirmed the switch shows the new state at once and flips back if Telnyx
 * refuses (the change is reversible). The reason goes to the audit trail.
 */
export function useSetCustomPricing(account: Pick<ManagedAccount, "id" | "email">) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { allowCustomPricing: boolean; reason: string }) =>
      post<ChangeAnswer<ManagedAccount>>(`/api/managed-accounts/${account.id}`, "PATCH", body),
    onMutate: async ({ allowCustomPricing }) => {
      await client.cancelQueries({ queryKey: accountKeys.detail(account.id) });
      const previous = client.getQueryData<AccountDetail>(accountKeys.detail(account.id));
      applyAccount(client, { id: account.id, allowCustomPricing });
      return { previous };
    },
    onError: (_error, { allowCustomPricing }, context) => {
      applyAccount(client, { id: account.id, allowCustomPricing: !allowCustomPricing });
      if (context?.previous) client.setQueryData(accountKeys.detail(account.id), context.previous);
    },
    onSuccess: ({ data, notice }) => {
      toastDone(
        `Custom pricing ${data.allowCustomPricing ? "allowed" : "turned off"} for ${account.email}. It may take time to apply.`,
        notice,
      );
    },
    onSettled: () => refreshAccount(client, account.id),
  });
}
