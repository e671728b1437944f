// One mutation hook per action on a managed account, for the dialogs (which load on first use); the query
// options they share with the pages are in ./managed-accounts.ts.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/queries/notify";
import type { ListResult } from "@/lib/schemas/common";
import type { ChannelLimit, ManagedAccount } from "@/lib/schemas/managed-accounts";
import type { AccountDetail } from "@/lib/accounts/types";
import { auditKeys } from "./audit";
import { accountKeys } from "./account-keys";
import { fetchJson } from "./fetch-json";

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
