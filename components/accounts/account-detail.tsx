"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { ApiError } from "@/lib/queries/fetch-json";
import { accountDetailOptions } from "@/lib/queries/managed-accounts";
import { AccountActions } from "./account-actions";
import { AccountFields } from "./account-fields";
import { AccountHistory } from "./account-history";
import { BalanceCard } from "./balance-card";
import { ConsoleMemory } from "./console-memory";
import { PricingSwitch } from "./pricing-switch";
import { StatusBadge } from "./status-badge";
import { UpstreamNotice } from "./upstream-notice";

/** One account: fields, balance, status, pricing, what the console remembers, actions and history. */
export function AccountDetail({ accountId }: { accountId: string }) {
  const detail = useQuery(accountDetailOptions(accountId));
  const back = (
    <Link
      href="/accounts"
      className="inline-flex items-center gap-1 text-sm text-slate-600 hover:underline dark:text-slate-300"
    >
      <ArrowLeft aria-hidden className="size-4" />
      All accounts
    </Link>
  );
  if (!detail.data) {
    return (
      <div className="flex flex-col gap-4">
        {back}
        <UpstreamNotice failureCount={detail.failureCount} failureReason={detail.failureReason} />
        {detail.isError ? (
          <ErrorPanel
            message={
              detail.error instanceof ApiError && detail.error.status === 404
                ? "There is no managed account with this id."
                : `The account could not be loaded: ${detail.error.message}`
            }
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
      <UpstreamNotice failureCount={detail.failureCount} failureReason={detail.failureReason} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight" data-testid="account-title">
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
