"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import { ListPagination } from "@/components/ui/list-pagination";
import { EmptyPanel, ListStates } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { formatMoney } from "@/lib/accounts/format";
import { balanceListOptions } from "@/lib/queries/balances";
import type { FleetBalance } from "@/lib/schemas/balances";
import { balanceListParsers, toBalanceQuery, type BalanceSortValue } from "./balances-url-state";

const columns: DataColumn<FleetBalance>[] = [
  {
    id: "account",
    header: "Account",
    cell: (row) => (
      <span className="flex flex-col">
        <RowLink href={`/accounts/${row.accountId}`}>{row.email}</RowLink>
        <span className="text-xs text-slate-600 dark:text-slate-400">{row.organizationName}</span>
      </span>
    ),
  },
  {
    id: "balance",
    header: "Balance",
    className: "whitespace-nowrap tabular-nums",
    sort: { field: "balance", firstDirection: "asc" },
    cell: (row) =>
      row.rollupBilling ? (
        <Badge tone="info" title="Rollup billing: spends the manager account's balance">
          Rollup
        </Badge>
      ) : (
        <span className="flex items-center gap-2">
          {formatMoney(row.amount, row.currency)}
          {row.isBelowThreshold ? <Badge tone="danger">Below threshold</Badge> : null}
        </span>
      ),
  },
  {
    id: "days",
    header: "Days left",
    className: "whitespace-nowrap tabular-nums",
    sort: { field: "days_left", firstDirection: "asc" },
    cell: (row) =>
      row.daysLeft === null ? (
        <span title="Not spending">
          <span aria-hidden="true">—</span>
          <span className="sr-only">Not spending</span>
        </span>
      ) : (
        row.daysLeft
      ),
  },
  {
    id: "spend",
    header: "Spend a day",
    className: "whitespace-nowrap tabular-nums",
    cell: (row) => formatMoney(row.spendPerDay, row.currency),
  },
  {
    id: "threshold",
    header: "Threshold",
    className: "whitespace-nowrap tabular-nums",
    cell: (row) => `${row.threshold}${row.isDefaultThreshold ? " (default)" : ""}`,
  },
  {
    id: "asOf",
    header: "As of",
    className: "whitespace-nowrap tabular-nums",
    cell: (row) => <Timestamp value={row.asOf} relative />,
  },
];

/** The fleet's balances from the stored snapshots: sortable by balance and days left, filterable. */
export function BalancesList() {
  const [state, setState] = useQueryStates(balanceListParsers, { history: "push" });
  const balances = useQuery(balanceListOptions(toBalanceQuery(state)));

  return (
    <Card className="flex flex-col gap-4 overflow-hidden px-0! pt-4 pb-0!">
      <div role="search" aria-label="Filter balances" className="flex flex-wrap items-center gap-3 px-4">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={state.below}
            onChange={(event) => void setState({ below: event.target.checked, page: 1 })}
          />
          Below threshold only
        </label>
        {state.below ? (
          <Button variant="ghost" size="sm" onClick={() => void setState({ below: false, page: 1 })}>
            Clear filter
          </Button>
        ) : null}
      </div>
      <div aria-busy={balances.isFetching} className={balances.isPlaceholderData ? "opacity-60" : undefined}>
        <ListStates
          query={balances}
          noun="balances"
          isEmpty={(list) => list.data.length === 0}
          empty={
            <EmptyPanel title={state.below ? "No account is below its threshold." : "No balances read yet."}>
              {state.below ? null : (
                <p>
                  A refresh reads every account&apos;s balance; it runs on a schedule, or an admin starts one.
                </p>
              )}
            </EmptyPanel>
          }
        >
          {(list) => (
            <DataTable
              label="Balances"
              rows={list.data}
              rowKey={(row) => row.accountId}
              rowLabel={(row) => row.email}
              rowHref={(row) => `/accounts/${row.accountId}`}
              rowData={(row) => ({ "data-testid": "balance-row", "data-account-id": row.accountId })}
              columns={columns}
              sort={{
                value: state.sort,
                onChange: (value) => void setState({ sort: value as BalanceSortValue, page: 1 }),
              }}
            />
          )}
        </ListStates>
      </div>
      {balances.data && balances.data.meta.totalResults > 0 ? (
        <ListPagination
          meta={balances.data.meta}
          noun="accounts"
          onPageChange={(page) => void setState({ page })}
          onPageSizeChange={(pageSize) => void setState({ pageSize, page: 1 })}
        />
      ) : null}
    </Card>
  );
}
