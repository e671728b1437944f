"use client";

import { Ban, Download, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { usePermission } from "@/components/shell/staff-context";
import { describeActionError } from "@/components/accounts/action-error";
import { isJobLive, jobResultsCsvUrl, useCancelJob, useRetryFailedJob } from "@/lib/queries/jobs";
import type { Job } from "@/lib/schemas/jobs";
import { jobActionPermissions } from "@/lib/jobs/permissions";
import { jobCounts } from "./job-counts";

const linkButtonClassName =
  "inline-flex h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

/** Download, Cancel (confirmed) and Retry failed; cancel and retry need the job's action's permission. */
export function JobControls({ job }: { job: Job }) {
  const router = useRouter();
  const permission = usePermission(jobActionPermissions[job.action]);
  const [isConfirmingCancel, setConfirmingCancel] = useState(false);
  const cancel = useCancelJob(job.id);
  const retry = useRetryFailedJob(job.id);
  const retryFailure = retry.error ? describeActionError(retry.error) : undefined;
  const cancelFailure = cancel.error ? describeActionError(cancel.error) : undefined;
  const { pending } = jobCounts(job);

  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Job actions" className="flex flex-wrap gap-2">
        <a href={jobResultsCsvUrl(job.id)} download className={linkButtonClassName} data-testid="job-csv">
          <Download aria-hidden className="size-4" />
          Download results (CSV)
        </a>
        {isJobLive(job) ? (
          <DisabledReason reason={permission.reason}>
            <Button
              variant="danger"
              disabled={!permission.allowed || job.cancelRequested}
              onClick={() => setConfirmingCancel(true)}
            >
              <Ban aria-hidden className="size-4" />
              Cancel job
            </Button>
          </DisabledReason>
        ) : null}
        {job.failed > 0 && !isJobLive(job) ? (
          <DisabledReason reason={permission.reason}>
            <Button
              variant="secondary"
              disabled={!permission.allowed || retry.isPending}
              onClick={() =>
                retry.mutate(undefined, { onSuccess: (next) => router.push(`/jobs/${next.id}`) })
              }
            >
              <RotateCcw aria-hidden className="size-4" />
              {retry.isPending ? "Starting…" : `Retry ${job.failed} failed`}
            </Button>
          </DisabledReason>
        ) : null}
      </div>
      {retryFailure ? (
        <p role="alert" className="text-sm font-medium text-red-600 dark:text-red-400">
          The failed items were not retried: {retryFailure.message}
        </p>
      ) : null}
      <Dialog
        open={isConfirmingCancel}
        onOpenChange={(open) => !cancel.isPending && setConfirmingCancel(open)}
        title="Cancel this job?"
        description={`The item in flight finishes; the ${pending} still pending are marked cancelled and not changed. What is done stays done.`}
      >
        {cancelFailure ? (
          <p role="alert" className="mb-3 text-sm font-medium text-red-600 dark:text-red-400">
            {cancelFailure.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" disabled={cancel.isPending} onClick={() => setConfirmingCancel(false)}>
            Keep running
          </Button>
          <Button
            variant="danger"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirmingCancel(false) })}
          >
            {cancel.isPending ? "Cancelling…" : "Cancel job"}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
