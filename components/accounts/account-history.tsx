"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { formatDate } from "@/lib/accounts/format";
import { accountHistoryOptions } from "@/lib/queries/managed-accounts";

const outcomeTones: Record<string, BadgeTone> = {
  success: "success",
  failure: "danger",
  denied: "danger",
  pending: "warning",
  unknown: "warning",
};

/** The account's changes from the audit trail, newest first. */
export function AccountHistory({ accountId }: { accountId: string }) {
  const history = useQuery(accountHistoryOptions(accountId));
  return (
    <Card className="p-0" data-testid="account-history">
      <div className="flex items-center justify-between p-5 pb-2">
        <CardTitle>History (audit trail)</CardTitle>
        <Link href={`/audit?target=${accountId}`} className="text-sm underline">
          Open in the audit trail
        </Link>
      </div>
      {history.isPending ? (
        <LoadingPanel label="Loading history…" />
      ) : history.isError ? (
        <ErrorPanel
          message={`The history could not be loaded: ${history.error.message}`}
          onRetry={() => void history.refetch()}
          isRetrying={history.isFetching}
        />
      ) : history.data.data.length === 0 ? (
        <EmptyPanel title="No changes recorded for this account yet." />
      ) : (
        <ol className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {history.data.data.map((entry) => (
            <li
              key={entry.id}
              data-testid="history-entry"
              className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-5 py-3"
            >
              <time dateTime={entry.occurredAt} className="text-slate-500 tabular-nums dark:text-slate-400">
                {formatDate(entry.occurredAt)}
              </time>
              <span className="font-medium">{entry.action}</span>
              <Badge tone={outcomeTones[entry.outcome] ?? "neutral"}>{entry.outcome}</Badge>
              <span className="text-slate-600 dark:text-slate-300">
                by {entry.actorEmail ?? "unknown"}
                {entry.actorRole ? ` (${entry.actorRole})` : ""}
              </span>
              {entry.reason ? (
                <span className="basis-full text-slate-600 dark:text-slate-300">Reason: {entry.reason}</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
