"use client";

import { Timestamp } from "@/components/ui/timestamp";
import { formatMoney } from "@/lib/accounts/format";
import type { LatestBalance } from "@/lib/schemas/balances";

/** A stored balance and when it was read; "—" before the first refresh has read the account. */
export function LatestBalanceCell({ balance }: { balance: LatestBalance | undefined }) {
  if (!balance) {
    return (
      <span title="Not read by a balance refresh yet">
        <span aria-hidden="true">—</span>
        <span className="sr-only">Not read yet</span>
      </span>
    );
  }
  return (
    <span className="flex flex-col" data-testid="latest-balance">
      <span>{formatMoney(balance.amount, balance.currency)}</span>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        as of <Timestamp value={balance.asOf} relative />
      </span>
    </span>
  );
}
