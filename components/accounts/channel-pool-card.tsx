"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardTitle } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/state-panels";
import { channelPoolOptions } from "@/lib/queries/managed-accounts";
import { UpstreamNotice } from "./upstream-notice";

const numberFormat = new Intl.NumberFormat("en");

/** The manager's global outbound channel pool: what can be handed out, what is, and what is left. */
export function ChannelPoolCard() {
  const pool = useQuery(channelPoolOptions());
  return (
    <Card aria-labelledby="channel-pool-title" data-testid="channel-pool">
      <CardTitle id="channel-pool-title">Outbound channel pool</CardTitle>
      {pool.isError ? (
        <ErrorPanel
          message={`The channel pool could not be loaded: ${pool.error.message}`}
          onRetry={() => void pool.refetch()}
          isRetrying={pool.isFetching}
        />
      ) : (
        <>
          <UpstreamNotice
            failureCount={pool.failureCount}
            failureReason={pool.failureReason}
            fetchStatus={pool.fetchStatus}
          />
          <dl className="mt-3 grid grid-cols-3 gap-4">
            <PoolFigure label="Allocatable" value={pool.data?.allocatable} testId="pool-allocatable" />
            <PoolFigure label="Allocated" value={pool.data?.allocated} testId="pool-allocated" />
            <PoolFigure label="Headroom" value={pool.data?.headroom} testId="pool-headroom" />
          </dl>
          {pool.data && pool.data.allocatable === 0 && pool.data.allocated === 0 ? (
            <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
              Both figures are 0 when Telnyx has not enabled channel allocation for this manager.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}

function PoolFigure({ label, value, testId }: { label: string; value?: number; testId: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value === undefined ? <span className="text-slate-400">…</span> : numberFormat.format(value)}
      </dd>
    </div>
  );
}
