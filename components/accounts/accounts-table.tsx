"use client";

import type { ManagedAccount, accountSorts } from "@/lib/schemas/managed-accounts";
import { AccountRow } from "./account-row";
import { SortHeader } from "./sort-header";

type Sort = (typeof accountSorts)[number];

interface AccountsTableProps {
  accounts: ManagedAccount[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  isUpdating: boolean;
}

export function AccountsTable({ accounts, sort, onSort, isUpdating }: AccountsTableProps) {
  return (
    <div className="overflow-x-auto">
      <table
        aria-busy={isUpdating}
        aria-label="Managed accounts"
        className={`w-full text-sm transition-opacity ${isUpdating ? "opacity-60" : ""}`}
      >
        <thead className="bg-slate-50 text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            <SortHeader label="Email" field="email" sort={sort} firstDirection="asc" onSort={onSort} />
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Organization
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Status
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Custom pricing
            </th>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Billing
            </th>
            <SortHeader
              label="Created"
              field="created_at"
              sort={sort}
              firstDirection="desc"
              onSort={onSort}
            />
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
