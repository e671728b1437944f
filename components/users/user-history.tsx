"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { fetchJson } from "@/lib/queries/fetch-json";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { orgUserKeys } from "@/lib/queries/org-users";
import { formatUtc } from "./sign-in-age";

const outcomeTones: Record<AuditEventDto["outcome"], BadgeTone> = {
  success: "success",
  failure: "danger",
  denied: "danger",
  pending: "info",
  unknown: "warning",
};

function historyOptions(id: string) {
  return {
    queryKey: orgUserKeys.history(id),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      fetchJson<{ data: AuditEventDto[] }>(`/api/audit?target=${encodeURIComponent(id)}&pageSize=50`, {
        signal,
      }),
  };
}

/** What staff did to this user, newest first, from our audit trail (Telnyx keeps no such history). */
export function UserHistory({ id }: { id: string }) {
  const history = useQuery(historyOptions(id));
  if (history.isPending) return <LoadingPanel label="Loading history…" />;
  if (history.isError) {
    return (
      <ErrorPanel
        message={history.error.message}
        onRetry={() => history.refetch()}
        isRetrying={history.isFetching}
      />
    );
  }
  const rows = history.data.data;
  if (rows.length === 0) {
    return (
      <EmptyPanel title="No changes recorded">
        Nothing has been done to this user through Subdesk yet.
      </EmptyPanel>
    );
  }
  return (
    <ol className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" data-testid="user-history">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-col gap-1 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <code className="font-mono text-xs">{row.action}</code>
            <Badge tone={outcomeTones[row.outcome]}>{row.outcome}</Badge>
            <time dateTime={row.occurredAt} className="text-xs text-slate-500">
              {formatUtc(row.occurredAt)}
            </time>
          </div>
          <p className="text-slate-600 dark:text-slate-300">
            by {row.actor?.email ?? "unknown"}
            {row.actor?.role ? ` (${row.actor.role})` : ""}
            {row.reason ? ` — “${row.reason}”` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
