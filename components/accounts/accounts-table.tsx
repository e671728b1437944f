"use client";

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
  isUpdating: boolean;
  selection: AccountSelection;
}

export function AccountsTable({ accounts, sort, onSort, isUpdating, selection }: AccountsTableProps) {
  return (
    <DataTable
      label="Managed accounts"
      rows={accounts}
      rowKey={(account) => account.id}
      rowLabel={(account) => account.email}
      rowHref={(account) => `/accounts/${account.id}`}
      rowData={(account) => ({ "data-testid": "account-row", "data-account-id": account.id })}
      columns={columns}
      isBusy={isUpdating}
      sort={{ value: sort, onChange: (value) => onSort(value as Sort) }}
      selection={{
        isSelected: (account) => selection.isSelected(account.id),
        onToggle: (account) => selection.toggle(account, accounts),
        onTogglePage: (isSelected) => selection.setPage(accounts, isSelected),
      }}
    />
  );
}
