// Shared by the bulk-job API tests: starting a job, waiting for it to end, reading its items and rows.
import { expect } from "vitest";
import type { ApiClient } from "../support/api-client";
import { sleep } from "../support/audit-rows";

export interface JobView {
  id: string;
  action: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  skipped: number;
  cancelled: number;
  createdBy: string;
  reason: string;
  retryOf: string | null;
  rate?: number;
  etaSeconds?: number;
}

export interface JobItemView {
  position: number;
  targetId: string;
  label: string | null;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  auditId: string | null;
}

export const jobReason = "Fleet clean-up on ticket 5120";
const ENDED = new Set(["succeeded", "partial", "failed", "cancelled"]);

export async function createJob(client: ApiClient, body: Record<string, unknown>): Promise<JobView> {
  const response = await client.post("/api/jobs", { reason: jobReason, params: {}, ...body });
  const text = await response.text();
  expect(response.status, text.slice(0, 400)).toBe(202);
  return (JSON.parse(text) as { data: JobView }).data;
}

export async function getJob(client: ApiClient, id: string): Promise<JobView> {
  return (await client.getJson<{ data: JobView }>(`/api/jobs/${id}`)).data;
}

// Generous: an earlier test may leave Telnyx's Retry-After (e.g. the 9 s one in managed-accounts-upstream) in the
// server's rate budget, and bulk work rightly waits it out before its first item.
export async function waitForEnd(client: ApiClient, id: string, timeoutMs = 90_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await getJob(client, id);
    if (ENDED.has(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`Job ${id} did not end: ${JSON.stringify(job)}`);
    await sleep(200);
  }
}

export async function jobItems(client: ApiClient, id: string): Promise<JobItemView[]> {
  return (await client.getJson<{ data: JobItemView[] }>(`/api/jobs/${id}/items?pageSize=250`)).data;
}

export async function jobCount(client: ApiClient): Promise<number> {
  return (await client.getJson<{ meta: { totalResults: number } }>("/api/jobs?pageSize=1")).meta.totalResults;
}

/** Waits until no job is queued or running: one left by an earlier file would call the simulator meanwhile. */
export async function waitForNoLiveJobs(client: ApiClient, timeoutMs = 50_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = await Promise.all(
      ["queued", "running"].map(
        async (status) =>
          (await client.getJson<{ meta: { totalResults: number } }>(`/api/jobs?status=${status}&pageSize=1`))
            .meta.totalResults,
      ),
    );
    if (live.every((count) => count === 0)) return;
    if (Date.now() > deadline) throw new Error("Jobs from an earlier test are still running.");
    await sleep(250);
  }
}
