// TanStack Query options and mutations for the Staff page. The server page prefetches with the same key.
import { queryOptions, useMutation } from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import type { CreateStaffBody, StaffDto, UpdateStaffBody } from "@/lib/schemas/staff";
import { useInvalidateWithAudit } from "./audit";
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

export function useCreateStaff() {
  const invalidate = useInvalidateWithAudit(staffKeys.all);
  return useMutation({
    mutationFn: (body: CreateStaffBody) =>
      fetchJson<{ data: StaffDto }>("/api/staff", { method: "POST", json: body }),
    onSettled: invalidate,
  });
}

export function useUpdateStaff(id: string) {
  const invalidate = useInvalidateWithAudit(staffKeys.all);
  return useMutation({
    mutationFn: (body: UpdateStaffBody) =>
      fetchJson<{ data: StaffDto }>(`/api/staff/${encodeURIComponent(id)}`, { method: "PATCH", json: body }),
    onSettled: invalidate,
  });
}
