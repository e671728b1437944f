"use client";

import { useQuery } from "@tanstack/react-query";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { ApiError } from "@/lib/queries/fetch-json";
import { accountDetailOptions } from "@/lib/queries/managed-accounts";
import { AccountActions } from "./account-actions";
import { AccountFields } from "./account-fields";
import { AccountGonePanel } from "./account-gone-panel";
import { AccountHistory } from "./account-history";
import { BalanceCard } from "./balance-card";
import { ThresholdCard } from "@/components/alerts/threshold-card";
import { ConsoleMemory } from "./console-memory";
import { PricingSwitch } from "./pricing-switch";
import { StatusBadge } from "./status-badge";
import { UpstreamNotice } from "./upstream-notice";
import { useRememberRecentItem } from "@/components/shell/recent-items";

/** One account: fields, balance, status, pricing, what the console remembers, actions and history. */
export function AccountDetail({
  accountId,
  balanceChart,
}: {
  accountId: string;
  /** The 30-day balance chart, rendered on the server (components/balances/balance-chart.tsx). */
  balanceChart?: React.ReactNode;
}) {
  const detail = useQuery(accountDetailOptions(accountId));
  useRememberRecentItem(detail.data ? { kind: "account", id: accountId, label: detail.data.email } : null);
  const back = <BackLink listPath="/accounts">All accounts</BackLink>;
  const notice = (
    <UpstreamNotice
      failureCount={detail.failureCount}
      failureReason={detail.failureReason}
      fetchStatus={detail.fetchStatus}
    />
  );
  // Gone since the page was served (or never there): nothing to retry, only the way back.
  if (detail.error instanceof ApiError && detail.error.status === 404) return <AccountGonePanel />;
  if (!detail.data) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        {notice}
        {detail.isError ? (
          <ErrorPanel
            message={`The account could not be loaded: ${detail.error.message}`}
            onRetry={() => void detail.refetch()}
            isRetrying={detail.isFetching}
          />
        ) : (
          <LoadingPanel label="Loading the account…" />
        )}
      </div>
    );
  }
  const account = detail.data;
  return (
    <div className="flex flex-col gap-6">
      {back}
      {notice}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0" data-testid="account-header">
          <h1 className="text-2xl font-semibold tracking-tight break-words" data-testid="account-title">
            {account.email}
          </h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600 dark:text-slate-300">
            {account.organizationName}
            <span aria-label="Status" className="inline-flex items-center gap-1">
              <StatusBadge status={account.status} />
            </span>
          </p>
        </div>
        <AccountActions account={account} knownLimit={account.memory.channelLimit?.value ?? null} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <AccountFields account={account} />
        <div className="flex flex-col gap-6">
          <BalanceCard account={account} />
          {account.rollupBilling ? null : balanceChart}
          <ThresholdCard accountId={account.id} currency={account.balance?.currency ?? null} />
          <Card>
            <CardTitle>Pricing and channels</CardTitle>
            <div className="mt-3 flex flex-col gap-4">
              <PricingSwitch account={account} />
              <ConsoleMemory memory={account.memory} />
            </div>
          </Card>
        </div>
      </div>
      <AccountHistory accountId={account.id} />
    </div>
  );
}
