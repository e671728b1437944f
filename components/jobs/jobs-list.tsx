"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { jobListOptions } from "@/lib/queries/jobs";
import type { Job } from "@/lib/schemas/jobs";
import { jobActions, jobStatuses } from "@/lib/schemas/feature-values";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { jobCounts } from "./job-counts";
import { actionLabels, describeJob } from "./job-labels";
import { JobStatusBadge } from "./job-status-badge";
import { clampPage } from "@/components/ui/clamp-page";
import { jobListParsers } from "./jobs-url-state";

const columns: DataColumn<Job>[] = [
  {
    id: "job",
    header: "Job",
    cell: (job) => <RowLink href={`/jobs/${job.id}`}>{describeJob(job)}</RowLink>,
  },
  { id: "status", header: "Status", cell: (job) => <JobStatusBadge status={job.status} /> },
  {
    id: "progress",
    header: "Progress",
    className: "whitespace-nowrap tabular-nums",
    cell: (job) => `${jobCounts(job).finished} / ${job.total}`,
  },
  { id: "failed", header: "Failed", className: "tabular-nums", cell: (job) => job.failed },
  { id: "by", header: "By", className: "break-all", cell: (job) => job.createdBy },
  {
    id: "created",
    header: "Created",
    className: "whitespace-nowrap tabular-nums",
    cell: (job) => <Timestamp value={job.createdAt} />,
  },
];

/** Every bulk job, newest first, filterable by status and action; live rows keep updating. */
export function JobsList() {
  const [state, setState] = useQueryStates(jobListParsers, { history: "push" });
  const query = {
    status: state.status ?? undefined,
    action: state.action ?? undefined,
    page: clampPage(state.page),
    pageSize: state.pageSize,
  };
  const jobs = useQuery(jobListOptions(query));
  const hasFilters = Boolean(state.status || state.action);

  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div role="search" aria-label="Filter jobs" className="flex flex-wrap items-end gap-3 px-4">
        <ChoiceFilter
          label="Status"
          anyLabel="Any status"
          value={state.status}
          choices={jobStatuses}
          onChange={(status) => void setState({ status, page: 1 })}
        />
        <ChoiceFilter
          label="Action"
          anyLabel="Any action"
          value={state.action}
          choices={jobActions}
          describe={(action) => actionLabels[action]}
          onChange={(action) => void setState({ action, page: 1 })}
        />
        {hasFilters ? (
          <Button variant="ghost" onClick={() => void setState({ status: null, action: null, page: 1 })}>
            Clear filters
          </Button>
        ) : null}
      </div>
      <div aria-busy={jobs.isFetching} className={jobs.isPlaceholderData ? "opacity-60" : undefined}>
        <ListStates
          query={jobs}
          noun="jobs"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel title={hasFilters ? "No jobs match these filters." : "No bulk jobs yet."}>
              {hasFilters ? null : (
                <p>
                  Select accounts in the{" "}
                  <Link href="/accounts" className="underline">
                    accounts list
                  </Link>{" "}
                  to change many at once.
                </p>
              )}
            </EmptyPanel>
          }
        >
          {(list) => (
            <DataTable
              label="Jobs"
              rows={list.data}
              rowKey={(job) => job.id}
              rowLabel={(job) => describeJob(job)}
              rowHref={(job) => `/jobs/${job.id}`}
              rowData={(job) => ({ "data-testid": "job-row", "data-job-id": job.id })}
              columns={columns}
            />
          )}
        </ListStates>
      </div>
      {jobs.data && jobs.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={jobs.data.meta}
          noun="jobs"
          onPageChange={(page) => void setState({ page })}
          onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
        />
      ) : null}
    </Card>
  );
}
