"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useState } from "react";
import { toast } from "@/lib/queries/notify";
import { clampPage } from "@/components/ui/clamp-page";
import { usePermission } from "@/components/shell/staff-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChoiceFilter } from "@/components/ui/choice-filter";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { alertListOptions, useAcknowledgeAlerts } from "@/lib/queries/alerts";
import type { Alert } from "@/lib/schemas/alerts";
import { alertStatuses } from "@/lib/schemas/feature-values";
import { AlertTypeBadge, accountLabel, money } from "./alert-labels";
import { alertListParsers } from "./alerts-url-state";

const statusLabels = { open: "Open", acknowledged: "Acknowledged", all: "All" } as const;

function columns(onAcknowledge: ((alert: Alert) => void) | null, reason: string): DataColumn<Alert>[] {
  return [
    {
      id: "account",
      header: "Account",
      className: "min-w-40",
      cell: (alert) => (
        <>
          {/* Its own block: beside the email line, an inline link would read as a link inside running text. */}
          <span className="block">
            <RowLink href={`/accounts/${alert.accountId}`}>{accountLabel(alert)}</RowLink>
          </span>
          {alert.accountName && alert.accountEmail ? (
            <span className="block text-xs break-all text-slate-600 dark:text-slate-300">
              {alert.accountEmail}
            </span>
          ) : null}
        </>
      ),
    },
    { id: "type", header: "Alert", cell: (alert) => <AlertTypeBadge type={alert.type} /> },
    {
      id: "balance",
      header: "Balance",
      className: "whitespace-nowrap tabular-nums",
      cell: (alert) => money(alert.amount, alert.currency),
    },
    {
      id: "threshold",
      header: "Threshold",
      className: "hidden whitespace-nowrap tabular-nums sm:table-cell",
      cell: (alert) => money(alert.threshold, alert.currency),
    },
    {
      id: "raised",
      header: "Raised",
      className: "whitespace-nowrap tabular-nums",
      cell: (alert) => <Timestamp value={alert.createdAt} />,
    },
    {
      id: "state",
      header: "Acknowledged",
      className: "whitespace-nowrap",
      cell: (alert) =>
        alert.acknowledgedAt ? (
          <Timestamp value={alert.acknowledgedAt} />
        ) : (
          <DisabledReason reason={reason}>
            <Button
              size="sm"
              variant="secondary"
              disabled={!onAcknowledge}
              onClick={() => onAcknowledge?.(alert)}
              aria-label={`Acknowledge the alert for ${accountLabel(alert)}`}
            >
              Acknowledge
            </Button>
          </DisabledReason>
        ),
    },
  ];
}

/** Low-balance alerts, open first by default; admins and support acknowledge one or a selection. */
export function AlertsList() {
  const [state, setState] = useQueryStates(alertListParsers, { history: "push" });
  const query = { status: state.status, page: clampPage(state.page), pageSize: state.pageSize };
  const alerts = useQuery(alertListOptions(query));
  const permission = usePermission("alerts.manage");
  const acknowledge = useAcknowledgeAlerts();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const run = (ids: string[]) =>
    acknowledge.mutate(ids, {
      onSuccess: ({ acknowledged }) => {
        toast.success(`Acknowledged ${acknowledged.length} alert${acknowledged.length === 1 ? "" : "s"}.`);
        setSelected(new Set());
      },
      onError: (error) => toast.error(error.message),
    });
  const openRows = (alerts.data?.data ?? []).filter((alert) => !alert.acknowledgedAt);

  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div role="search" aria-label="Filter alerts" className="flex flex-wrap items-end gap-3 px-4">
        <ChoiceFilter
          label="Show"
          anyLabel="Open"
          value={state.status === "open" ? null : state.status}
          choices={alertStatuses.filter((status) => status !== "open")}
          describe={(status) => statusLabels[status]}
          onChange={(status) => {
            setSelected(new Set());
            void setState({ status: status ?? "open", page: 1 });
          }}
        />
        {selected.size > 0 ? (
          <div data-testid="alerts-selection-bar" className="flex items-center gap-3 text-sm">
            <span>{selected.size} selected</span>
            <Button size="sm" onClick={() => run([...selected])} disabled={acknowledge.isPending}>
              Acknowledge selected
            </Button>
          </div>
        ) : null}
      </div>
      <div aria-busy={alerts.isFetching} className={alerts.isPlaceholderData ? "opacity-60" : undefined}>
        <ListStates
          query={alerts}
          noun="alerts"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel title={state.status === "open" ? "No open alerts." : "No alerts here."}>
              <p>
                An alert is raised when an account&apos;s balance falls below its threshold, after a balance
                refresh.
              </p>
            </EmptyPanel>
          }
        >
          {(list) => (
            <DataTable
              label="Low-balance alerts"
              testId="alerts-table"
              rows={list.data}
              rowKey={(alert) => alert.id}
              rowLabel={(alert) => `${accountLabel(alert)}: ${alert.type}`}
              rowHref={(alert) => `/accounts/${alert.accountId}`}
              rowData={(alert) => ({ "data-testid": "alert-row", "data-alert-id": alert.id })}
              columns={columns(permission.allowed ? (alert) => run([alert.id]) : null, permission.reason)}
              selection={
                permission.allowed && openRows.length > 0
                  ? {
                      isSelected: (alert) => selected.has(alert.id),
                      canSelect: (alert) => !alert.acknowledgedAt,
                      onToggle: (alert) =>
                        setSelected((current) => {
                          const next = new Set(current);
                          if (!next.delete(alert.id)) next.add(alert.id);
                          return next;
                        }),
                      onTogglePage: (isSelected) =>
                        setSelected(isSelected ? new Set(openRows.map((alert) => alert.id)) : new Set()),
                    }
                  : undefined
              }
            />
          )}
        </ListStates>
      </div>
      {alerts.data && alerts.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={alerts.data.meta}
          noun="alerts"
          onPageChange={(page) => void setState({ page })}
          onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
        />
      ) : null}
    </Card>
  );
}
