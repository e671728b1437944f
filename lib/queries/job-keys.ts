// The jobs' query keys and polling interval alone: the access reviews' queries use them, and importing them
// from jobs.ts brought the jobs' options and mutation hooks to the review page.
import type { JobItemListQuery, JobListQuery } from "@/lib/schemas/jobs";
import { liveJobsKey } from "./shell-badges";

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (query: JobListQuery) => [...jobKeys.lists(), query] as const,
  live: () => liveJobsKey,
  detail: (id: string) => [...jobKeys.all, "detail", id] as const,
  items: (id: string, query: JobItemListQuery) => [...jobItemKeys(id), query] as const,
};

/** Every cached page of one job's items. */
export function jobItemKeys(id: string) {
  return [...jobKeys.all, "items", id] as const;
}

// Polling: every 2 s while a job is live (the limit), never once it has finished.
export const livePollMs = 2_000;
