"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useQueryStates } from "nuqs";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useHasOpened } from "@/components/ui/dialog";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { auditListOptions } from "@/lib/queries/audit";
import { auditUrlParsers, toAuditListQuery } from "@/lib/queries/audit-url-state";
import { ApiError } from "@/lib/queries/fetch-json";
import { AuditFilters, type AuditFilterChange } from "./audit-filters";
import { ListPagination } from "@/components/ui/list-pagination";
import { AuditTable } from "./audit-table";

// A row's detail (every field, its words) is fetched when a row is first opened, or the URL names one.
const AuditEventDialog = dynamic(
  () => import("./audit-event-dialog").then((module) => module.AuditEventDialog),
  {
    ssr: false,
  },
);

const clearedFilters = { actor: null, action: null, target: null, from: null, to: null, outcome: null };

function errorMessage(error: Error): string {
  const fields = error instanceof ApiError && error.fields ? Object.values(error.fields).join(" ") : "";
  return fields ? `${error.message} ${fields}` : error.message;
}

/** The /audit page: URL state → query → table. The server rendered the first page into the cache. */
export function AuditView() {
  // Every change is a history entry, so back and forward step through filters, pages and opened rows.
  const [state, setState] = useQueryStates(auditUrlParsers, { history: "push" });
  const query = toAuditListQuery(state);
  const events = useQuery(auditListOptions(query));
  const hasOpenedEvent = useHasOpened(state.event !== null);

  const changeFilters = useCallback(
    (change: AuditFilterChange) =>
      setState({
        ...Object.fromEntries(Object.entries(change).map(([key, value]) => [key, value || null])),
        page: 1,
      }),
    [setState],
  );
  const clearFilters = useCallback(() => setState({ ...clearedFilters, page: 1 }), [setState]);

  return (
    <Card className="flex flex-col gap-4 p-0 pt-4">
      <div className="px-4">
        <AuditFilters state={state} onChange={changeFilters} onClear={clearFilters} />
      </div>
      <div aria-busy={events.isFetching} className={events.isPlaceholderData ? "opacity-60" : undefined}>
        {events.isPending ? (
          <LoadingPanel label="Loading the audit trail…" />
        ) : events.isError ? (
          <ErrorPanel
            message={`The audit trail could not be loaded: ${errorMessage(events.error)}`}
            onRetry={() => void events.refetch()}
            isRetrying={events.isFetching}
          />
        ) : events.data.data.length === 0 ? (
          <EmptyPanel title={query.page > 1 ? "No events on this page" : "No events match these filters"}>
            <Button variant="secondary" size="sm" onClick={clearFilters}>
              Show every event
            </Button>
          </EmptyPanel>
        ) : (
          <AuditTable events={events.data.data} onOpen={(id) => void setState({ event: id })} />
        )}
      </div>
      {events.data && events.data.meta.totalResults > 0 ? (
        <div className="px-1 pb-3">
          <ListPagination
            meta={events.data.meta}
            noun="events"
            rangeTestId="audit-range"
            onPageChange={(page) => void setState({ page })}
            onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
          />
        </div>
      ) : null}
      {hasOpenedEvent ? (
        <AuditEventDialog eventId={state.event} onClose={() => void setState({ event: null })} />
      ) : null}
    </Card>
  );
}
