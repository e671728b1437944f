// Access review campaigns in the browser: the list, one campaign's page of items (polled while its removal
// job runs), and the start / decide / remove / close calls.
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  AccessReview,
  AccessReviewDecision,
  AccessReviewItem,
  AccessReviewItemsQuery,
  CreateAccessReviewBody,
} from "@/lib/schemas/access-reviews";
import type { ListMeta, ListResult } from "@/lib/schemas/common";
import type { Job } from "@/lib/schemas/jobs";
import { useInvalidateWithAudit } from "./audit";
import { fetchJson } from "./fetch-json";
import { jobKeys, livePollMs } from "./job-keys";
import { orgUserKeys } from "./org-users";

export const accessReviewKeys = {
  all: ["access-reviews"] as const,
  list: () => [...accessReviewKeys.all, "list"] as const,
  detail: (id: string, query: AccessReviewItemsQuery) =>
    [...accessReviewKeys.all, "detail", id, query] as const,
};

export interface AccessReviewDetail {
  data: AccessReview;
  items: AccessReviewItem[];
  meta: ListMeta;
}

const removalLive = (item: AccessReviewItem) =>
  item.jobId !== null && (item.removal === "pending" || item.removal === "running");

export function accessReviewsOptions() {
  return queryOptions({
    queryKey: accessReviewKeys.list(),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<AccessReview>>("/api/access-reviews?pageSize=25", { signal }),
  });
}

export function accessReviewOptions(id: string, query: AccessReviewItemsQuery) {
  const search = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.decision) search.set("decision", query.decision);
  return queryOptions({
    queryKey: accessReviewKeys.detail(id, query),
    queryFn: ({ signal }) =>
      fetchJson<AccessReviewDetail>(`/api/access-reviews/${encodeURIComponent(id)}?${search}`, { signal }),
    placeholderData: keepPreviousData,
    // While a removal job works through these people, their outcome fills in.
    refetchInterval: (current) => (current.state.data?.items.some(removalLive) ? livePollMs : false),
  });
}

const reviewUrl = (id: string, action: string) => `/api/access-reviews/${encodeURIComponent(id)}/${action}`;

export function useStartAccessReview() {
  const invalidate = useInvalidateWithAudit(accessReviewKeys.all);
  return useMutation({
    mutationFn: (body: CreateAccessReviewBody) =>
      fetchJson<{ data: AccessReview }>("/api/access-reviews", { method: "POST", json: body }),
    onSettled: invalidate,
  });
}

export function useDecideItems(reviewId: string) {
  const invalidate = useInvalidateWithAudit(accessReviewKeys.all);
  return useMutation({
    mutationFn: (body: { itemIds: string[]; decision: AccessReviewDecision; reason?: string }) =>
      fetchJson<{ data: { decided: number; closed: boolean } }>(reviewUrl(reviewId, "decisions"), {
        method: "POST",
        json: body,
      }),
    onSettled: invalidate,
  });
}

export function useRunRemovals(reviewId: string) {
  const invalidate = useInvalidateWithAudit(accessReviewKeys.all);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<{ data: Job }>(reviewUrl(reviewId, "remove"), { method: "POST" }),
    onSettled: () =>
      Promise.all([
        invalidate(),
        queryClient.invalidateQueries({ queryKey: jobKeys.all }),
        queryClient.invalidateQueries({ queryKey: orgUserKeys.all }),
      ]),
  });
}

export function useCloseAccessReview(reviewId: string) {
  const invalidate = useInvalidateWithAudit(accessReviewKeys.all);
  return useMutation({
    mutationFn: () =>
      fetchJson<{ data: AccessReview & { undecided: string[] } }>(reviewUrl(reviewId, "close"), {
        method: "POST",
      }),
    onSettled: invalidate,
  });
}

export const decisionsCsvUrl = (id: string) => `/api/access-reviews/${encodeURIComponent(id)}/decisions.csv`;
