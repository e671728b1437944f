// The shell's three badges (running jobs, open alerts, requests waiting for a decision): their queries in
// a file of their own, so every page's shell does not carry the jobs, alerts and approvals modules (their
// lists and mutations) to read three counts. The resource modules use these keys and re-export these.
import { queryOptions } from "@tanstack/react-query";
import type { AlertList } from "./alerts";
import type { ApprovalList } from "@/lib/schemas/approvals";
import type { Job } from "@/lib/schemas/jobs";
import type { ListResult } from "@/lib/schemas/common";
import { fetchJson } from "./fetch-json";

export const liveJobsKey = ["jobs", "live"] as const;
export const openAlertCountKey = ["alerts", "open-count"] as const;
export const pendingApprovalCountKey = ["approvals", "pending-count"] as const;

export const liveStatuses: readonly Job["status"][] = ["queued", "running"];

/** Live (queued or running) jobs, for the shell's badge: two small reads, slower when nothing runs. */
export function liveJobsOptions() {
  return queryOptions({
    queryKey: liveJobsKey,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        liveStatuses.map((status) =>
          fetchJson<ListResult<Job>>(`/api/jobs?status=${status}&pageSize=100`, { signal }),
        ),
      );
      return pages.flatMap((page) => page.data);
    },
    refetchInterval: (current) => ((current.state.data?.length ?? 0) > 0 ? 5_000 : 30_000),
    // As fresh as the quickest poll: the answer the console layout read with the page is used, not asked again.
    staleTime: 5_000,
  });
}

/** The badge's count: one row's read, every minute (alerts arrive with a refresh, every 30 min by default). */
export function openAlertCountOptions() {
  return queryOptions({
    queryKey: openAlertCountKey,
    queryFn: async ({ signal }) =>
      (await fetchJson<AlertList>("/api/alerts?status=open&pageSize=1", { signal })).meta.openCount,
    refetchInterval: 60_000,
  });
}

/** The badge's count: requests this person could decide, read every minute. */
export function pendingApprovalCountOptions() {
  return queryOptions({
    queryKey: pendingApprovalCountKey,
    queryFn: async ({ signal }) =>
      (await fetchJson<ApprovalList>("/api/approvals?status=pending&pageSize=1", { signal })).meta
        .pendingCount,
    refetchInterval: 60_000,
  });
}
