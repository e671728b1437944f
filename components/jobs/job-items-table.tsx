"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useId } from "react";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { formatAuditTime } from "@/components/audit/format-time";
import { jobItemsOptions } from "@/lib/queries/jobs";
import { jobItemStatuses } from "@/lib/schemas/jobs";
import { ChoiceFilter } from "./choice-filter";
import { PlainTable, RowLink, rowClassName } from "./plain-table";
import { ItemStatusBadge } from "./job-status-badge";
import { clampPage, jobItemParsers, jobPageSizes } from "./jobs-url-state";

/** Every item of a job with its outcome and error, paged and filterable, refreshed while the job runs. */
export function JobItemsTable({ jobId, isLive }: { jobId: string; isLive: boolean }) {
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
      {items.isPending ? (
        <LoadingPanel label="Loading the items…" />
      ) : items.isError ? (
        <ErrorPanel
          message={`The items could not be loaded: ${items.error.message}`}
          onRetry={() => void items.refetch()}
          isRetrying={items.isFetching}
        />
      ) : items.data.data.length === 0 ? (
        <EmptyPanel title={state.itemStatus ? `No ${state.itemStatus} items.` : "This job has no items."} />
      ) : (
        <>
          <PlainTable label="Job items" columns={["Account", "Outcome", "Error", "Finished"]}>
            {items.data.data.map((item) => (
              <tr key={item.position} data-testid="job-item" className={rowClassName}>
                <td className="px-4 py-2 whitespace-nowrap">
                  <RowLink href={`/accounts/${item.targetId}`}>{item.label ?? item.targetId}</RowLink>
                </td>
                <td className="px-4 py-2 whitespace-nowrap">
                  <ItemStatusBadge status={item.status} />
                  {item.auditId ? (
                    <a
                      href={`/audit?event=${item.auditId}`}
                      className="ml-2 text-xs text-slate-500 underline dark:text-slate-400"
                    >
                      audit row
                    </a>
                  ) : null}
                </td>
                <td className="min-w-64 px-4 py-2 text-red-700 dark:text-red-300" data-testid="item-error">
                  {item.errorMessage ?? item.errorCode ?? ""}
                </td>
                <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                  {item.status === "pending" || item.status === "running"
                    ? "—"
                    : formatAuditTime(item.updatedAt)}
                </td>
              </tr>
            ))}
          </PlainTable>
          <div className="px-1 pb-3">
            <ListPagination
              meta={items.data.meta}
              noun="items"
              pageSizes={jobPageSizes}
              onPageChange={(itemPage) => void setState({ itemPage })}
              onPageSizeChange={(itemPageSize) => void setState({ itemPageSize, itemPage: 1 })}
            />
          </div>
        </>
      )}
    </section>
  );
}
