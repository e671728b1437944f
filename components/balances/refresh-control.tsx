"use client";

import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/lib/queries/notify";
import { Button } from "@/components/ui/button";
import { Timestamp } from "@/components/ui/timestamp";
import {
  isRefreshLive as isLive,
  latestRefreshOptions,
  refreshAfterBalances,
  useStartRefresh,
} from "@/lib/queries/balances";
import type { BalanceRefresh } from "@/lib/schemas/balances";

function describe(refresh: BalanceRefresh | null | undefined) {
  if (!refresh) return <>No refresh has run yet.</>;
  if (isLive(refresh)) {
    return (
      <>
        Reading balances: {refresh.done} of {refresh.total || "…"} accounts
        {refresh.failed > 0 ? `, ${refresh.failed} failed` : ""}.
      </>
    );
  }
  const outcome = {
    succeeded: "Last refresh",
    partial: "Last refresh (partly failed)",
    failed: "Last refresh failed",
  };
  return (
    <>
      {outcome[refresh.status as keyof typeof outcome]}:{" "}
      <Timestamp value={refresh.finishedAt ?? refresh.createdAt} relative />, {refresh.done} accounts read
      {refresh.failed > 0 ? `, ${refresh.failed} failed` : ""}.
    </>
  );
}

/** The latest refresh's progress for everyone; "Refresh now" for an admin. */
export function RefreshControl({ canRefresh }: { canRefresh: boolean }) {
  const client = useQueryClient();
  const refresh = useQuery(latestRefreshOptions());
  const start = useStartRefresh();
  const wasLive = useRef(false);
  const live = isLive(refresh.data);

  // When a refresh ends, the lists read from its snapshots are stale.
  useEffect(() => {
    if (wasLive.current && !live) refreshAfterBalances(client);
    wasLive.current = live;
  }, [live, client]);

  return (
    <div className="flex flex-wrap items-center gap-3">
      <p className="text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="refresh-status">
        {refresh.isError ? "The refresh status could not be read." : describe(refresh.data)}
      </p>
      {canRefresh ? (
        <Button
          variant="secondary"
          disabled={live || start.isPending}
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (answer) =>
                toast.success(answer.alreadyRunning ? "A refresh is already running." : "Refresh started."),
              onError: (error) => toast.error(error.message),
            })
          }
        >
          {live ? "Refreshing…" : "Refresh now"}
        </Button>
      ) : null}
    </div>
  );
}
