"use client";

import type { ManagedAccount, accountSorts } from "@/lib/schemas/managed-accounts";
import { AccountRow } from "./account-row";
import { PageCheckbox } from "./selection-checkbox";
import type { AccountSelection } from "./use-account-selection";
import { SortHeader } from "./sort-header";

type Sort = (typeof accountSorts)[number];

interface AccountsTableProps {
  accounts: ManagedAccount[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  isUpdating: boolean;
  selection: AccountSelection;
}

export function AccountsTable({ accounts, sort, onSort, isUpdating, selection }: AccountsTableProps) {
  const checkedCount = accounts.filter((account) => selection.isSelected(account.id)).length;
  return (
    // relative: the sort headers' screen-reader text is absolutely placed and must scroll with the table,
    // not widen the page on a phone.
    <div className="relative overflow-x-auto">
      <table
        aria-busy={isUpdating}
        aria-label="Managed accounts"
        className={`w-full text-sm transition-opacity ${isUpdating ? "opacity-60" : ""}`}
      >
        <thead className="bg-slate-50 text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
          <tr>
            <th scope="col" className="w-10 py-2 pr-1 pl-4 text-left">
              <PageCheckbox
                checkedCount={checkedCount}
                pageCount={accounts.length}
                onChange={(isSelected) => selection.setPage(accounts, isSelected)}
              />
            </th>
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
            <AccountRow
              key={account.id}
              account={account}
              isSelected={selection.isSelected(account.id)}
              onToggle={() => selection.toggle(account, accounts)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
