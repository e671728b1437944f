import type { Job } from "@/lib/schemas/jobs";

/** Items finished one way or another, those still to do, and the share done (0..1). */
export function jobCounts(job: Job) {
  const finished = job.done + job.failed + job.skipped + job.cancelled;
  const pending = Math.max(0, job.total - finished);
  return { finished, pending, share: job.total > 0 ? finished / job.total : 1 };
}

/**
 * Items per second and seconds left. The server's figures when it sends them (it knows the pacing);
 * otherwise worked out from the start time, so a page never shows nothing while a job runs.
 */
export function jobPace(job: Job, now: number): { rate: number | null; etaSeconds: number | null } {
  const { finished, pending } = jobCounts(job);
  const elapsed = job.startedAt ? (now - Date.parse(job.startedAt)) / 1000 : 0;
  const rate = job.rate ?? (elapsed > 1 && finished > 0 ? finished / elapsed : null);
  const etaSeconds = job.etaSeconds ?? (rate && rate > 0 ? pending / rate : null);
  return { rate, etaSeconds };
}
