// Bulk jobs in the browser: list, one job (polled while it runs), its items, and the create / cancel /
// retry-failed calls. The job engine and its routes live in lib/jobs and app/api/jobs.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import type { ListResult } from "@/lib/schemas/common";
import { accountKeys } from "./account-keys";
import { fetchJson } from "./fetch-json";
import { jobItemKeys, jobKeys, livePollMs } from "./job-keys";
import { liveStatuses } from "./shell-badges";

export { jobItemKeys, jobKeys, livePollMs } from "./job-keys";

// The shell's badge reads these from shell-badges.ts; kept reachable here with the rest of the jobs.
export { liveJobsOptions, liveStatuses } from "./shell-badges";
import type { Job, JobItem, JobItemListQuery, JobListQuery, createJobBodySchema } from "@/lib/schemas/jobs";
import type { z } from "zod";

/** What the browser sends; the server parses it with the same schema. */
export type CreateJobRequest = z.input<typeof createJobBodySchema>;

export const isJobLive = (job: Pick<Job, "status"> | undefined) =>
  job !== undefined && liveStatuses.includes(job.status);

function toSearch(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return params.toString();
}

export function jobListOptions(query: JobListQuery) {
  return queryOptions({
    queryKey: jobKeys.list(query),
    queryFn: ({ signal }) => fetchJson<ListResult<Job>>(`/api/jobs?${toSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    // A list showing a live job keeps its counts moving; one with none stays still.
    refetchInterval: (current) => (current.state.data?.data.some(isJobLive) ? livePollMs : false),
  });
}

export function jobOptions(id: string) {
  return queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: async ({ signal }) => (await fetchJson<{ data: Job }>(`/api/jobs/${id}`, { signal })).data,
    refetchInterval: (current) => (isJobLive(current.state.data) ? livePollMs : false),
    staleTime: 0,
  });
}

export function jobItemsOptions(id: string, query: JobItemListQuery, isLive: boolean) {
  return queryOptions({
    queryKey: jobKeys.items(id, query),
    queryFn: ({ signal }) =>
      fetchJson<ListResult<JobItem>>(`/api/jobs/${id}/items?${toSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: isLive ? livePollMs : false,
    staleTime: 0,
  });
}

export const jobResultsCsvUrl = (id: string) => `/api/jobs/${id}/items.csv`;

/** A finished job changed accounts: every cached list and detail is stale. */
export function refreshAfterJob(client: QueryClient) {
  void client.invalidateQueries({ queryKey: accountKeys.all });
  void client.invalidateQueries({ queryKey: jobKeys.lists() });
  void client.invalidateQueries({ queryKey: jobKeys.live() });
}

export function useCreateJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateJobRequest) =>
      (await fetchJson<{ data: Job }>("/api/jobs", { method: "POST", json: body })).data,
    onSuccess: (job) => {
      client.setQueryData(jobKeys.detail(job.id), job);
      void client.invalidateQueries({ queryKey: jobKeys.lists() });
      void client.invalidateQueries({ queryKey: jobKeys.live() });
    },
  });
}

function useJobCommand(id: string, command: "cancel" | "retry-failed") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (await fetchJson<{ data: Job }>(`/api/jobs/${id}/${command}`, { method: "POST", json: {} })).data,
    onSuccess: (job) => {
      client.setQueryData(jobKeys.detail(job.id), job);
      void client.invalidateQueries({ queryKey: jobKeys.detail(id) });
      void client.invalidateQueries({ queryKey: jobItemKeys(id) });
      void client.invalidateQueries({ queryKey: jobKeys.lists() });
      void client.invalidateQueries({ queryKey: jobKeys.live() });
    },
  });
}

export const useCancelJob = (id: string) => useJobCommand(id, "cancel");
/** Answers the NEW job made of the failed items. */
export const useRetryFailedJob = (id: string) => useJobCommand(id, "retry-failed");
