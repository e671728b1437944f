// Audit rows written by a job's driver, where no request is in hand: the actor is the person who created
// the job, the request id names the job ("job-<id>"), so the trail links every item row to its job.
import "server-only";
import type { MutationAudit } from "@/lib/api/route-audit";
import type { Role } from "@/lib/auth/permissions";
import { finishAudit, markAuditUnknown, startAudit } from "@/lib/db/audit";
import type { JobRow } from "@/lib/db/jobs";
import { log } from "@/lib/log";

export function jobRequestId(jobId: string): string {
  return `job-${jobId}`;
}

export function jobActor(job: JobRow) {
  return { id: job.createdBy, email: job.createdByEmail, role: job.createdByRole as Role };
}

interface ItemIntent {
  action: string;
  targetType: string;
  targetId: string;
  targetLabel?: string;
  summary?: Record<string, unknown>;
}

/** The same intent/outcome row the single action writes, with the job's id in its summary. */
export async function openItemAudit(job: JobRow, intent: ItemIntent): Promise<MutationAudit> {
  const id = await startAudit({
    actor: jobActor(job),
    action: intent.action,
    targetType: intent.targetType,
    targetId: intent.targetId,
    targetLabel: intent.targetLabel ?? intent.targetId,
    reason: job.reason,
    requestSummary: { jobId: job.id, ...intent.summary },
    requestId: jobRequestId(job.id),
  });
  return reopenItemAudit(id);
}

/** An item row already written (a driver resuming after a crash completes the row it left open). */
export function reopenItemAudit(id: string): MutationAudit {
  let isFinished = false;
  return {
    id,
    async finish(completion) {
      if (isFinished) return;
      isFinished = true;
      await finishAudit(id, completion).catch((error: unknown) =>
        log.error("audit.finish failed", { auditId: id, detail: String(error) }),
      );
    },
    async markUnknown() {
      if (isFinished) return;
      await markAuditUnknown(id).catch((error: unknown) =>
        log.error("audit.mark_unknown failed", { auditId: id, detail: String(error) }),
      );
    },
  };
}
