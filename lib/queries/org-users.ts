// TanStack Query options and mutations for organization users. The server pages prefetch with the same
// keys (through lib/telnyx, not HTTP), so what they dehydrate is what these hooks read.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import type {
  AccessReview,
  AccessReviewQuery,
  OrgUser,
  OrgUserListQuery,
  RemoveOrgUserBody,
} from "@/lib/schemas/org-users";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";

export const orgUserKeys = {
  all: ["org-users"] as const,
  lists: () => [...orgUserKeys.all, "list"] as const,
  list: (query: OrgUserListQuery) => [...orgUserKeys.lists(), query] as const,
  detail: (id: string) => [...orgUserKeys.all, "detail", id] as const,
  reviews: () => [...orgUserKeys.all, "review"] as const,
  review: (query: AccessReviewQuery) => [...orgUserKeys.reviews(), query] as const,
};

export function orgUserListUrl(query: OrgUserListQuery): string {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
  if (query.email) params.set("email", query.email);
  if (query.status) params.set("status", query.status);
  if (query.includeGroups) params.set("includeGroups", "true");
  return `/api/org-users?${params}`;
}

export function orgUserListOptions(query: OrgUserListQuery) {
  return queryOptions({
    queryKey: orgUserKeys.list(query),
    queryFn: ({ signal }) => fetchJson<ListResult<OrgUser>>(orgUserListUrl(query), { signal }),
    // The old page stays on screen (dimmed) while the next one loads, instead of a flash of "Loading".
    placeholderData: keepPreviousData,
  });
}

export function orgUserOptions(id: string) {
  return queryOptions({
    queryKey: orgUserKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: OrgUser }>(`/api/org-users/${encodeURIComponent(id)}`, { signal })).data,
  });
}

export function accessReviewOptions(query: AccessReviewQuery) {
  const params = new URLSearchParams();
  if (query.kind) params.set("kind", query.kind);
  if (query.status) params.set("status", query.status);
  if (query.email) params.set("email", query.email);
  const search = params.size > 0 ? `?${params}` : "";
  return queryOptions({
    queryKey: orgUserKeys.review(query),
    queryFn: ({ signal }) => fetchJson<AccessReview>(`/api/org-users/review${search}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** After a removal: every view that lists users, and the removed user's own cached page. */
export function invalidateAfterRemoval(queryClient: QueryClient, id: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: orgUserKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: orgUserKeys.reviews() }),
    // Marked stale but not refetched: the user is gone upstream and a refetch would only 404.
    queryClient.invalidateQueries({ queryKey: orgUserKeys.detail(id), refetchType: "none" }),
  ]);
}

export function useRemoveOrgUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RemoveOrgUserBody) =>
      // `notice`: the removal was told from a read-back because Telnyx's answer was lost.
      fetchJson<{ data: OrgUser; notice?: string }>(`/api/org-users/${encodeURIComponent(id)}/remove`, {
        method: "POST",
        json: body,
      }),
    onSuccess: () => invalidateAfterRemoval(queryClient, id),
    // A refused or failed attempt is in the audit trail too (intent, then outcome): show it in history.
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}
