import { Card, CardTitle } from "@/components/ui/card";
import { formatMoney } from "@/lib/accounts/format";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

/** The account's balance; a rollup-billing account has none of its own and spends the manager's. */
export function BalanceCard({ account }: { account: Pick<ManagedAccount, "balance" | "rollupBilling"> }) {
  const { balance } = account;
  return (
    <Card data-testid="balance-card">
      <CardTitle>Balance</CardTitle>
      {account.rollupBilling ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300" data-testid="rollup-note">
          Rollup billing: this account has no balance of its own. Its usage is charged to the manager
          account&apos;s balance.
        </p>
      ) : null}
      {balance ? (
        <dl className="mt-3 grid grid-cols-3 gap-4 text-sm">
          <Figure label="Balance" value={formatMoney(balance.balance, balance.currency)} />
          <Figure label="Credit limit" value={formatMoney(balance.creditLimit, balance.currency)} />
          <Figure label="Available credit" value={formatMoney(balance.availableCredit, balance.currency)} />
        </dl>
      ) : account.rollupBilling ? null : (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Telnyx did not include a balance in its answer.
        </p>
      )}
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
