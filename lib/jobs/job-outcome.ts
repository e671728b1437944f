// A job's own audit row: the intent is written at creation (create-job.ts), the outcome with its counts
// when the last item is done or the rest are cancelled.
import "server-only";
import { finishAudit } from "@/lib/db/audit";
import type { JobRow } from "@/lib/db/jobs";
import { log } from "@/lib/log";

export function countsText(job: Pick<JobRow, "done" | "failed" | "skipped" | "cancelled" | "total">): string {
  return `${job.total} items: ${job.done} done, ${job.failed} failed, ${job.skipped} skipped, ${job.cancelled} cancelled`;
}

export async function finishJobAudit(job: JobRow): Promise<void> {
  if (!job.auditId) return;
  const isSuccess = job.status === "succeeded";
  // The intent's label was the job's id; completing it puts the counts there for the trail to show.
  await finishAudit(job.auditId, {
    outcome: isSuccess ? "success" : "failure",
    errorCode: isSuccess ? undefined : job.status,
    target: { label: countsText(job) },
  }).catch((error: unknown) =>
    log.error("audit.finish failed", { auditId: job.auditId, jobId: job.id, detail: String(error) }),
  );
}
