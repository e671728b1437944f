// Job and item rows as our API answers them, with the live rate and ETA of a running job.
import "server-only";
import type { JobItemRow, JobRow } from "@/lib/db/jobs";
import type { Job, JobItem } from "@/lib/schemas/jobs";

export function toJob(row: JobRow, now = Date.now()): Job {
  const job: Job = {
    id: row.id,
    action: row.action,
    status: row.status,
    total: row.total,
    done: row.done,
    failed: row.failed,
    skipped: row.skipped,
    cancelled: row.cancelled,
    createdBy: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    reason: row.reason,
    params: row.params,
    cancelRequested: row.cancelRequested,
    retryOf: row.retryOf,
  };
  if (row.status === "running" && row.startedAt) {
    const processed = row.done + row.failed + row.skipped;
    const seconds = Math.max((now - row.startedAt.getTime()) / 1000, 0.001);
    const rate = processed / seconds;
    job.rate = Math.round(rate * 100) / 100;
    const remaining = row.total - processed - row.cancelled;
    if (rate > 0) job.etaSeconds = Math.ceil(remaining / rate);
  }
  return job;
}

export function toJobItem(row: JobItemRow): JobItem {
  return {
    position: row.position,
    targetId: row.targetId,
    label: row.label,
    status: row.status,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    attempts: row.attempts,
    auditId: row.auditId,
    updatedAt: row.updatedAt.toISOString(),
  };
}
