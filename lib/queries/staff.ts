// TanStack Query options and mutations for the Staff page. The server page prefetches with the same key.
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import type { CreateStaffBody, StaffDto, UpdateStaffBody } from "@/lib/schemas/staff";
import { auditKeys } from "./audit";
import { fetchJson } from "./fetch-json";

export const staffKeys = {
  all: ["staff"] as const,
  list: () => [...staffKeys.all, "list"] as const,
};

export function staffListOptions() {
  return queryOptions({
    queryKey: staffKeys.list(),
    queryFn: ({ signal }) => fetchJson<ListResult<StaffDto>>("/api/staff", { signal }),
  });
}

function useStaffInvalidation() {
  const queryClient = useQueryClient();
  // The list changed, and the audit trail has a row more.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: staffKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

export function useCreateStaff() {
  const invalidate = useStaffInvalidation();
  return useMutation({
    mutationFn: (body: CreateStaffBody) =>
      fetchJson<{ data: StaffDto }>("/api/staff", { method: "POST", json: body }),
    onSettled: invalidate,
  });
}

export function useUpdateStaff(id: string) {
  const invalidate = useStaffInvalidation();
  return useMutation({
    mutationFn: (body: UpdateStaffBody) =>
      fetchJson<{ data: StaffDto }>(`/api/staff/${encodeURIComponent(id)}`, { method: "PATCH", json: body }),
    onSettled: invalidate,
  });
}
