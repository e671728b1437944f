"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useId } from "react";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { jobItemsOptions } from "@/lib/queries/jobs";
import type { JobItem } from "@/lib/schemas/jobs";
import { jobItemStatuses } from "@/lib/schemas/feature-values";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { ItemStatusBadge } from "./job-status-badge";
import { clampPage } from "@/components/ui/clamp-page";
import { jobItemParsers } from "./jobs-url-state";

/** The items' columns; `targetPath` is where a target's page lives (/accounts, or /users for removals). */
const itemColumns = (targetPath: string): DataColumn<JobItem>[] => [
  {
    id: "target",
    header: targetPath === "/users" ? "User" : "Account",
    cell: (item) => <RowLink href={`${targetPath}/${item.targetId}`}>{item.label ?? item.targetId}</RowLink>,
  },
  {
    id: "outcome",
    header: "Outcome",
    className: "whitespace-nowrap",
    cell: (item) => (
      <>
        <ItemStatusBadge status={item.status} />
        {item.auditId ? (
          <a
            href={`/audit?event=${item.auditId}`}
            className="ml-2 text-xs text-slate-600 underline dark:text-slate-300"
          >
            audit row
          </a>
        ) : null}
      </>
    ),
  },
  {
    id: "error",
    header: "Error",
    className: "min-w-64 text-red-700 dark:text-red-300",
    cell: (item) => <span data-testid="item-error">{item.errorMessage ?? item.errorCode ?? ""}</span>,
  },
  {
    id: "finished",
    header: "Finished",
    className: "whitespace-nowrap tabular-nums",
    cell: (item) =>
      item.status === "pending" || item.status === "running" ? "—" : <Timestamp value={item.updatedAt} />,
  },
];

/** Every item of a job with its outcome and error, paged and filterable, refreshed while the job runs. */
export function JobItemsTable({
  jobId,
  isLive,
  targetPath,
}: {
  jobId: string;
  isLive: boolean;
  targetPath: "/accounts" | "/users";
}) {
  const id = useId();
  const [state, setState] = useQueryStates(jobItemParsers, { history: "push", scroll: false });
  const query = {
    status: state.itemStatus ?? undefined,
    page: clampPage(state.itemPage),
    pageSize: state.itemPageSize,
  };
  const items = useQuery(jobItemsOptions(jobId, query, isLive));

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3 px-4">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          Items
        </h2>
        <ChoiceFilter
          label="Show"
          anyLabel="Every item"
          value={state.itemStatus}
          choices={jobItemStatuses}
          onChange={(itemStatus) => void setState({ itemStatus, itemPage: 1 })}
          isInline
        />
      </div>
      <ListStates
        query={items}
        noun="items"
        isEmpty={(list) => list.data.length === 0}
        empty={
          <EmptyPanel title={state.itemStatus ? `No ${state.itemStatus} items.` : "This job has no items."} />
        }
      >
        {(list) => (
          <>
            <DataTable
              label="Job items"
              rows={list.data}
              rowKey={(item) => String(item.position)}
              rowLabel={(item) => item.label ?? item.targetId}
              rowHref={(item) => `${targetPath}/${item.targetId}`}
              rowData={() => ({ "data-testid": "job-item" })}
              columns={itemColumns(targetPath)}
            />
            <ListPagination
              meta={list.meta}
              noun="items"
              onPageChange={(itemPage) => void setState({ itemPage })}
              onPageSizeChange={(itemPageSize) => void setState({ itemPageSize, itemPage: 1 })}
            />
          </>
        )}
      </ListStates>
    </section>
  );
}
