"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Card } from "@/components/ui/card";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { ApiError } from "@/lib/queries/fetch-json";
import { isJobLive, jobItemKeys, jobOptions, refreshAfterJob } from "@/lib/queries/jobs";
import { JobControls } from "./job-controls";
import { JobItemsTable } from "./job-items-table";
import { describeJob } from "./job-labels";
import { JobProgress } from "./job-progress";
import { JobStatusBadge } from "./job-status-badge";

/** /jobs/[id]: the job polled every 2 s while it runs, its counts, controls and items. */
export function JobDetail({ jobId }: { jobId: string }) {
  const client = useQueryClient();
  const query = useQuery(jobOptions(jobId));
  const job = query.data;
  const isLive = isJobLive(job);

  // When the job ends, the accounts it changed are stale everywhere (lists, details, the shell's badge).
  const wasLive = useRef(isLive);
  useEffect(() => {
    if (wasLive.current && !isLive) {
      refreshAfterJob(client);
      // The items' last poll may predate the job's end: fetch their final states once more.
      void client.invalidateQueries({ queryKey: jobItemKeys(jobId) });
    }
    wasLive.current = isLive;
  }, [isLive, client, jobId]);

  if (!job) {
    if (query.isError) {
      const isMissing = query.error instanceof ApiError && query.error.status === 404;
      return (
        <Card>
          <ErrorPanel
            message={
              isMissing ? "There is no such job." : `The job could not be loaded: ${query.error.message}`
            }
            onRetry={isMissing ? undefined : () => void query.refetch()}
            isRetrying={query.isFetching}
          />
        </Card>
      );
    }
    return (
      <Card>
        <LoadingPanel label="Loading the job…" />
      </Card>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm">
            <Link href="/jobs" className="text-brand-700 hover:underline dark:text-brand-300">
              Jobs
            </Link>
          </p>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span data-testid="job-title">
              {describeJob(job)}: {job.total} account{job.total === 1 ? "" : "s"}
            </span>
            <span aria-live="polite">
              <JobStatusBadge status={job.status} />
            </span>
          </h1>
          <p className="mt-1 text-sm break-words text-slate-600 dark:text-slate-400">
            By {job.createdBy} · reason: {job.reason}
            {job.retryOf ? (
              <>
                {" · retries the failed items of "}
                <Link href={`/jobs/${job.retryOf}`} className="underline">
                  an earlier job
                </Link>
              </>
            ) : null}
          </p>
          {job.cancelRequested && isLive ? (
            <p role="status" className="mt-1 text-sm font-medium text-amber-700 dark:text-amber-400">
              Cancelling: the item in flight finishes, the rest will be marked cancelled.
            </p>
          ) : null}
        </div>
        <JobControls job={job} />
      </div>
      {query.isError ? (
        <p role="status" className="text-sm text-amber-700 dark:text-amber-400">
          The latest progress could not be fetched ({query.error.message}); retrying.
        </p>
      ) : null}
      <Card className="flex flex-col gap-4">
        <JobProgress job={job} now={query.dataUpdatedAt} />
        <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
          {(
            [
              ["Created", job.createdAt],
              ["Started", job.startedAt],
              ["Finished", job.finishedAt],
            ] as const
          ).map(([label, time]) => (
            <div key={label}>
              <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
              <dd className="tabular-nums">{time ? <Timestamp value={time} /> : isLive ? "not yet" : "—"}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <Card className="px-0! pt-4 pb-0!">
        <JobItemsTable
          jobId={job.id}
          isLive={isLive}
          targetPath={job.action === "org_user.remove" ? "/users" : "/accounts"}
        />
      </Card>
    </div>
  );
}
