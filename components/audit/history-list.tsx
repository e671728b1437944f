"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { Timestamp } from "@/components/ui/timestamp";
import { describeAuditEvent } from "@/lib/audit/describe";
import { auditHistoryOptions } from "@/lib/queries/audit";
import { OutcomeBadge } from "./outcome-badge";

interface HistoryListProps {
  /** The audit target id: a managed account, an organization user or a staff member. */
  targetId: string;
  /** How many of the newest rows to show; the link opens the rest in the audit trail. */
  limit?: number;
}

/** What was done to one target, newest first, in words and values. Embeddable in any detail page. */
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
        {rows.map((row) => {
          const description = describeAuditEvent(row);
          return (
            <li key={row.id} data-testid="history-entry" className="flex flex-col gap-1 py-3">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                {/* The words lead to the row's full record, where the action code and every field are. */}
                <Link
                  href={`${trailHref}&event=${row.id}`}
                  className="font-medium [overflow-wrap:anywhere] text-brand-700 underline-offset-2 hover:underline dark:text-brand-300"
                >
                  {description.summary}
                </Link>
                <OutcomeBadge outcome={row.outcome} />
                <span className="text-xs text-slate-600 tabular-nums dark:text-slate-300">
                  <Timestamp value={row.occurredAt} />
                </span>
              </div>
              {description.detail ? (
                <p className="text-xs text-slate-600 dark:text-slate-300">{description.detail}</p>
              ) : null}
              <p className="[overflow-wrap:anywhere] text-slate-600 dark:text-slate-300">
                by {row.actor?.email ?? "the system"}
                {row.actor?.role ? ` (${row.actor.role})` : ""}
                {row.reason ? ` — “${row.reason}”` : ""}
              </p>
            </li>
          );
        })}
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
