// Two-person approval in the browser: the list, the shell's pending count, and the decisions.
// Routes: app/api/approvals.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApprovalDto, ApprovalList, ApprovalStatusName } from "@/lib/schemas/approvals";
import { fetchJson } from "./fetch-json";
import { pendingApprovalCountKey } from "./shell-badges";

export { pendingApprovalCountOptions } from "./shell-badges";

export interface ApprovalListQuery {
  status: ApprovalStatusName | null;
  page: number;
  pageSize: number;
}

export const approvalKeys = {
  all: ["approvals"] as const,
  list: (query: ApprovalListQuery) => [...approvalKeys.all, "list", query] as const,
  pendingCount: () => pendingApprovalCountKey,
};

export const approvalListUrl = (query: ApprovalListQuery) =>
  `/api/approvals?${new URLSearchParams({
    ...(query.status ? { status: query.status } : {}),
    page: String(query.page),
    pageSize: String(query.pageSize),
  })}`;

export function approvalListOptions(query: ApprovalListQuery) {
  return queryOptions({
    queryKey: approvalKeys.list(query),
    queryFn: ({ signal }) => fetchJson<ApprovalList>(approvalListUrl(query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export type ApprovalDecision = "approve" | "deny" | "break-glass";

/** Approve, deny or break glass; the answer carries the approval as it now stands. */
export function useDecideApproval(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, reason }: { decision: ApprovalDecision; reason: string }) =>
      (
        await fetchJson<{ approval: ApprovalDto }>(`/api/approvals/${encodeURIComponent(id)}/${decision}`, {
          method: "POST",
          json: { reason },
        })
      ).approval,
    // What ran may have changed anything: users, jobs, staff.
    onSettled: () => void client.invalidateQueries(),
  });
}

export function useReviewBreakGlass(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(`/api/approvals/${encodeURIComponent(id)}/review`, { method: "POST", json: {} }),
    onSettled: () => void client.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
