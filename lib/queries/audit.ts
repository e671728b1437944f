// TanStack Query options for the audit trail. The audit page prefetches with the same keys on the server
// (through lib/audit, not HTTP), so what it dehydrates is what these hooks read.
import { keepPreviousData, queryOptions, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import type { AuditEventDto, AuditFilterQuery, AuditListQuery } from "@/lib/schemas/audit";
import { fetchJson } from "./fetch-json";

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (query: AuditListQuery) => [...auditKeys.lists(), query] as const,
  detail: (id: string) => [...auditKeys.all, "detail", id] as const,
  history: (targetId: string, pageSize: number) => [...auditKeys.all, "history", targetId, pageSize] as const,
};

/**
 * After a change: what it changed (`changed`, a query key prefix) is read again, and so is the audit trail,
 * which has a row more. Mutations' onSettled, so a failed or unknown outcome refreshes too.
 */
export function useInvalidateWithAudit(changed: QueryKey) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: changed }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

/** The filters as query-string pairs, in a fixed order, skipping empty ones. */
export function auditFilterParams(filters: AuditFilterQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "action", "target", "from", "to", "outcome"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function auditListUrl(query: AuditListQuery): string {
  const params = auditFilterParams(query);
  params.set("page", String(query.page));
  params.set("pageSize", String(query.pageSize));
  return `/api/audit?${params}`;
}

/** The CSV download of the filtered set (every page). */
export function auditExportUrl(filters: AuditFilterQuery): string {
  const params = auditFilterParams(filters);
  return params.size > 0 ? `/api/audit/export?${params}` : "/api/audit/export";
}

export function auditListOptions(query: AuditListQuery) {
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => fetchJson<ListResult<AuditEventDto>>(auditListUrl(query), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function auditEventOptions(id: string) {
  return queryOptions({
    queryKey: auditKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: AuditEventDto }>(`/api/audit/${encodeURIComponent(id)}`, { signal })).data,
  });
}

/** The newest rows about one target (an account, a user, a staff member). */
export function auditHistoryOptions(targetId: string, pageSize = 20) {
  return queryOptions({
    queryKey: auditKeys.history(targetId, pageSize),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<AuditEventDto>>(
        `/api/audit?target=${encodeURIComponent(targetId)}&pageSize=${pageSize}`,
        { signal },
      ),
  });
}
