"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { formatDate } from "@/lib/accounts/format";
import { RowCheckbox } from "./selection-checkbox";
import { StatusBadge } from "./status-badge";

/** One account; the email is a link (Tab to it, Enter opens), and a click anywhere on the row opens it too. */
export function AccountRow({
  account,
  isSelected,
  onToggle,
}: {
  account: ManagedAccount;
  isSelected: boolean;
  onToggle: () => void;
}) {
  const router = useRouter();
  const href = `/accounts/${account.id}`;
  return (
    <tr
      data-testid="account-row"
      data-account-id={account.id}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest("a, button, input")) return;
        router.push(href);
      }}
      className={`cursor-pointer border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50 ${
        isSelected ? "bg-brand-50/60 dark:bg-slate-800/70" : ""
      }`}
    >
      <td className="w-10 py-2 pr-1 pl-4">
        <RowCheckbox label={account.email} isChecked={isSelected} onToggle={onToggle} />
      </td>
      <td className="px-4 py-2">
        <Link href={href} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
          {account.email}
        </Link>
      </td>
      <td className="px-4 py-2">{account.organizationName}</td>
      <td className="px-4 py-2">
        <StatusBadge status={account.status} />
      </td>
      <td className="px-4 py-2">{account.allowCustomPricing ? "Allowed" : "Off"}</td>
      <td className="px-4 py-2">{account.rollupBilling ? "Rollup" : "Own balance"}</td>
      <td className="px-4 py-2 whitespace-nowrap tabular-nums">
        <time dateTime={account.createdAt}>{formatDate(account.createdAt)}</time>
      </td>
    </tr>
  );
}
