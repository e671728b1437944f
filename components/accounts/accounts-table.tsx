"use client";

import { memo } from "react";
import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import type { ManagedAccount, accountSorts } from "@/lib/schemas/managed-accounts";
import { LatestBalanceCell } from "@/components/balances/latest-balance-cell";
import { StatusBadge } from "./status-badge";
import type { AccountSelection } from "./use-account-selection";

type Sort = (typeof accountSorts)[number];

const columns: DataColumn<ManagedAccount>[] = [
  {
    id: "email",
    header: "Email",
    sort: { field: "email", firstDirection: "asc" },
    cell: (account) => <RowLink href={`/accounts/${account.id}`}>{account.email}</RowLink>,
  },
  { id: "organization", header: "Organization", cell: (account) => account.organizationName },
  { id: "status", header: "Status", cell: (account) => <StatusBadge status={account.status} /> },
  {
    id: "pricing",
    header: "Custom pricing",
    cell: (account) => (account.allowCustomPricing ? "Allowed" : "Off"),
  },
  { id: "billing", header: "Billing", cell: (account) => (account.rollupBilling ? "Rollup" : "Own balance") },
  {
    id: "balance",
    header: "Balance",
    className: "whitespace-nowrap tabular-nums",
    cell: (account) => <LatestBalanceCell balance={account.latestBalance} />,
  },
  {
    id: "created",
    header: "Created",
    className: "whitespace-nowrap tabular-nums",
    sort: { field: "created_at", firstDirection: "desc" },
    cell: (account) => <Timestamp value={account.createdAt} />,
  },
];

interface AccountsTableProps {
  accounts: ManagedAccount[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  selection: AccountSelection;
}

function AccountsTableRows({ accounts, sort, onSort, selection }: AccountsTableProps) {
  return (
    <DataTable
      label="Managed accounts"
      rows={accounts}
      rowKey={(account) => account.id}
      rowLabel={(account) => account.email}
      rowHref={(account) => `/accounts/${account.id}`}
      rowData={(account) => ({ "data-testid": "account-row", "data-account-id": account.id })}
      columns={columns}
      sort={{ value: sort, onChange: (value) => onSort(value as Sort) }}
      selection={{
        isSelected: (account) => selection.isSelected(account.id),
        onToggle: (account) => selection.toggle(account, accounts),
        onTogglePage: (isSelected) => selection.setPage(accounts, isSelected),
      }}
    />
  );
}

const isSameSelection = (a: AccountSelection, b: AccountSelection) =>
  a.toggle === b.toggle &&
  a.setPage === b.setPage &&
  a.isWholeView === b.isWholeView &&
  a.picked.length === b.picked.length &&
  a.picked.every((account, index) => account.id === b.picked[index]?.id);

/**
 * The table re-renders only when what it shows changes: its rows, sort or the ticked rows (BusyRegion dims
 * it). The selection object and onSort are new on most renders of the view (its total arriving, a tab's
 * count), and fifty rows are the costly part of the page at 4× CPU; onSort only calls the view's stable
 * setter.
 */
export const AccountsTable = memo(
  AccountsTableRows,
  (previous, next) =>
    previous.accounts === next.accounts &&
    previous.sort === next.sort &&
    isSameSelection(previous.selection, next.selection),
);
