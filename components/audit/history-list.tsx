"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { auditHistoryOptions } from "@/lib/queries/audit";
import { formatAuditTime } from "./format-time";
import { OutcomeBadge } from "./outcome-badge";

interface HistoryListProps {
  /** The audit target id: a managed account, an organization user or a staff member. */
  targetId: string;
  /** How many of the newest rows to show; the link opens the rest in the audit trail. */
  limit?: number;
}

/** What was done to one target, newest first, from the audit trail. Embeddable in any detail page. */
export function HistoryList({ targetId, limit = 20 }: HistoryListProps) {
  const history = useQuery(auditHistoryOptions(targetId, limit));
  const trailHref = `/audit?target=${encodeURIComponent(targetId)}`;
  if (history.isPending) return <LoadingPanel label="Loading history…" />;
  if (history.isError) {
    return (
      <ErrorPanel
        message={`The history could not be loaded: ${history.error.message}`}
        onRetry={() => void history.refetch()}
        isRetrying={history.isFetching}
      />
    );
  }
  const { data: rows, meta } = history.data;
  if (rows.length === 0) {
    return (
      <EmptyPanel title="No changes recorded">Nothing has been done to this through Subdesk yet.</EmptyPanel>
    );
  }
  return (
    <div data-testid="history-list">
      <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {rows.map((row) => (
          <li key={row.id} data-testid="history-entry" className="flex flex-col gap-1 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`${trailHref}&event=${row.id}`}
                className="font-mono text-xs font-medium underline-offset-2 hover:underline"
              >
                {row.action}
              </Link>
              <OutcomeBadge outcome={row.outcome} />
              <time dateTime={row.occurredAt} className="text-xs text-slate-500 tabular-nums">
                {formatAuditTime(row.occurredAt)}
              </time>
            </div>
            <p className="text-slate-600 dark:text-slate-300">
              by {row.actor?.email ?? "the system"}
              {row.actor?.role ? ` (${row.actor.role})` : ""}
              {row.reason ? ` — “${row.reason}”` : ""}
            </p>
          </li>
        ))}
      </ol>
      <p className="pt-2 text-sm">
        <Link href={trailHref} className="underline">
          {meta.totalResults > rows.length
            ? `See all ${meta.totalResults} entries in the audit trail`
            : "Open in the audit trail"}
        </Link>
      </p>
    </div>
  );
}
