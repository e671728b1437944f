"use client";

import { isJobLive } from "@/lib/queries/jobs";
import type { Job } from "@/lib/schemas/jobs";
import { formatDuration } from "./job-labels";
import { jobCounts, jobPace } from "./job-counts";

const tiles = [
  { key: "done", label: "Done", className: "text-emerald-700 dark:text-emerald-300" },
  { key: "failed", label: "Failed", className: "text-red-700 dark:text-red-300" },
  { key: "skipped", label: "Skipped", className: "text-amber-700 dark:text-amber-300" },
  { key: "pending", label: "Pending", className: "text-slate-700 dark:text-slate-200" },
  { key: "cancelled", label: "Cancelled", className: "text-slate-500 dark:text-slate-400" },
] as const;

/** The bar, the counts, and while the job runs its current rate and time left. */
export function JobProgress({ job, now }: { job: Job; now: number }) {
  const counts = jobCounts(job);
  const percent = Math.floor(counts.share * 100);
  const isLive = isJobLive(job);
  const pace = jobPace(job, now);
  const values = { ...job, pending: counts.pending };
  return (
    <div className="flex flex-col gap-4">
      <div>
        <div className="mb-1 flex flex-wrap justify-between gap-2 text-sm">
          <span data-testid="job-progress-text">
            {counts.finished} of {job.total} processed ({percent}%)
          </span>
          {isLive ? (
            <span className="text-slate-600 dark:text-slate-300" data-testid="job-pace">
              {pace.rate !== null ? `${pace.rate.toFixed(1)} per second` : "Measuring the rate…"}
              {pace.etaSeconds !== null ? ` · about ${formatDuration(pace.etaSeconds)} left` : ""}
            </span>
          ) : null}
        </div>
        <div
          role="progressbar"
          aria-label="Job progress"
          aria-valuemin={0}
          aria-valuemax={job.total}
          aria-valuenow={counts.finished}
          aria-valuetext={`${counts.finished} of ${job.total} processed`}
          className="h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div className="flex h-full" style={{ width: `${counts.share * 100}%` }}>
            {(["done", "skipped", "failed", "cancelled"] as const).map((key) =>
              job[key] > 0 ? (
                <div
                  key={key}
                  className={barColors[key]}
                  style={{ width: `${(job[key] / Math.max(1, counts.finished)) * 100}%` }}
                />
              ) : null,
            )}
          </div>
        </div>
      </div>
      <dl className="grid grid-cols-3 gap-3 sm:grid-cols-5" data-testid="job-counts">
        {tiles.map((tile) => (
          <div key={tile.key} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <dt className="text-xs text-slate-500 dark:text-slate-400">{tile.label}</dt>
            <dd
              className={`text-xl font-semibold tabular-nums ${tile.className}`}
              data-testid={`count-${tile.key}`}
            >
              {values[tile.key]}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

const barColors = {
  done: "bg-emerald-500",
  skipped: "bg-amber-400",
  failed: "bg-red-500",
  cancelled: "bg-slate-400",
};
