"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { clampPage } from "@/components/ui/clamp-page";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { deliveryListOptions } from "@/lib/queries/alerts";
import type { Delivery } from "@/lib/schemas/alerts";
import { deliveryStatuses } from "@/lib/schemas/feature-values";
import { deliveryListParsers } from "./alerts-url-state";

const statusTones: Record<Delivery["status"], BadgeTone> = {
  pending: "warning",
  delivered: "success",
  failed: "danger",
};

/** Every attempt in order: when, what the receiver said (or why there was no answer), how long it took. */
function AttemptLog({ delivery }: { delivery: Delivery }) {
  if (delivery.attemptLog.length === 0)
    return <span className="text-slate-600 dark:text-slate-300">No attempt yet</span>;
  return (
    <ol className="flex flex-col gap-1 text-xs" aria-label={`Attempts for delivery ${delivery.id}`}>
      {delivery.attemptLog.map((attempt, index) => (
        <li key={attempt.attemptedAt + index} className="flex flex-wrap gap-x-2 tabular-nums">
          <span>#{index + 1}</span>
          <Timestamp value={attempt.attemptedAt} />
          <span>{attempt.statusCode ?? "no answer"}</span>
          {attempt.error && attempt.statusCode === null ? (
            <span className="break-all">{attempt.error}</span>
          ) : null}
          {attempt.durationMs !== null ? <span>{attempt.durationMs} ms</span> : null}
        </li>
      ))}
    </ol>
  );
}

const columns: DataColumn<Delivery>[] = [
  {
    id: "event",
    header: "Event",
    className: "min-w-40",
    cell: (delivery) => (
      <>
        <span className="font-medium">{delivery.eventType}</span>
        <span className="block text-xs break-all text-slate-600 dark:text-slate-300">{delivery.url}</span>
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    cell: (delivery) => (
      <span className="flex flex-col items-start gap-1">
        <Badge tone={statusTones[delivery.status]}>{delivery.status}</Badge>
        {delivery.status === "pending" && delivery.nextAttemptAt ? (
          <span className="text-xs text-slate-600 dark:text-slate-300">
            next <Timestamp value={delivery.nextAttemptAt} />
          </span>
        ) : null}
      </span>
    ),
  },
  // Wide enough for an attempt on one or two lines; on a phone the table scrolls sideways instead.
  {
    id: "attempts",
    header: "Attempts",
    className: "min-w-56",
    cell: (delivery) => <AttemptLog delivery={delivery} />,
  },
  {
    id: "created",
    header: "Raised",
    className: "hidden whitespace-nowrap tabular-nums sm:table-cell",
    cell: (delivery) => <Timestamp value={delivery.createdAt} />,
  },
];

/** The alert webhook's deliveries, newest first: status, next retry, and every attempt. */
export function DeliveriesList({ isConfigured }: { isConfigured: boolean }) {
  const [state, setState] = useQueryStates(deliveryListParsers, { history: "push" });
  const query = { status: state.status ?? undefined, page: clampPage(state.page), pageSize: state.pageSize };
  const deliveries = useQuery(deliveryListOptions(query));
  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div role="search" aria-label="Filter deliveries" className="flex flex-wrap items-end gap-3 px-4">
        <ChoiceFilter
          label="Status"
          anyLabel="Any status"
          value={state.status}
          choices={deliveryStatuses}
          onChange={(status) => void setState({ status, page: 1 })}
        />
      </div>
      <div aria-busy={deliveries.isFetching}>
        <ListStates
          query={deliveries}
          noun="deliveries"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel title="No webhook deliveries yet.">
              <p>
                {isConfigured
                  ? "Each low-balance or recovered alert is posted to the webhook; its attempts are listed here."
                  : "No webhook is set up: set SUBDESK_ALERT_WEBHOOK_URL and SUBDESK_ALERT_WEBHOOK_SECRET to post alerts."}
              </p>
            </EmptyPanel>
          }
        >
          {(list) => (
            <DataTable
              label="Webhook deliveries"
              testId="deliveries-table"
              rows={list.data}
              rowKey={(delivery) => delivery.id}
              rowLabel={(delivery) => `${delivery.eventType} ${delivery.status}`}
              rowData={(delivery) => ({ "data-testid": "delivery-row", "data-delivery-id": delivery.id })}
              columns={columns}
            />
          )}
        </ListStates>
      </div>
      {deliveries.data && deliveries.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={deliveries.data.meta}
          noun="deliveries"
          onPageChange={(page) => void setState({ page })}
          onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
        />
      ) : null}
    </Card>
  );
}
