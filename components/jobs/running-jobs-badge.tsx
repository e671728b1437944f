"use client";

import { useQuery } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import Link from "next/link";
import { useStaff } from "@/components/shell/staff-context";
import { liveJobsOptions } from "@/lib/queries/shell-badges";

/** How many of the signed-in person's jobs are queued or running (one shared, cheap poll). */
export function useMyRunningJobCount(): number {
  const { email } = useStaff();
  const live = useQuery(liveJobsOptions());
  return live.data?.filter((job) => job.createdBy === email).length ?? 0;
}

/** The header's reminder that a job of yours is running; a link to the jobs page. Nothing otherwise. */
export function RunningJobsBadge() {
  const count = useMyRunningJobCount();
  return (
    <span aria-live="polite">
      {count > 0 ? (
        <Link
          href="/jobs"
          data-testid="running-jobs-badge"
          className="inline-flex items-center gap-1.5 rounded-full bg-blue-100 px-2.5 py-1 text-xs font-medium text-blue-800 hover:underline dark:bg-blue-950 dark:text-blue-300"
        >
          <Loader2 aria-hidden className="size-3 animate-spin motion-reduce:animate-none" />
          {count} job{count === 1 ? "" : "s"} running
        </Link>
      ) : null}
    </span>
  );
}

/** The count beside "Jobs" in the sidebar. */
export function RunningJobsCount() {
  const count = useMyRunningJobCount();
  if (count === 0) return null;
  return (
    <span
      className="ml-auto rounded-full bg-blue-600 px-1.5 text-xs text-white"
      aria-label={`${count} running`}
    >
      {count}
    </span>
  );
}
