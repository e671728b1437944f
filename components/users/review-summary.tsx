"use client";

import type { AccessReviewCounts, ReviewKind } from "@/lib/schemas/org-users";

const tiles: { kind: ReviewKind | null; label: string; count: (counts: AccessReviewCounts) => number }[] = [
  { kind: null, label: "Need a look", count: (counts) => counts.total },
  { kind: "never", label: "Never signed in", count: (counts) => counts.neverSignedIn },
  { kind: "dormant", label: "Dormant (90+ days)", count: (counts) => counts.dormant },
  { kind: "sso_bypass", label: "Bypass SSO", count: (counts) => counts.bypassesSso },
];

/** The counts double as the reason filter: pressing one shows only those users. */
export function ReviewSummary({
  counts,
  usersInReport,
  kind,
  onKindChange,
}: {
  counts: AccessReviewCounts;
  usersInReport: number;
  kind: ReviewKind | null;
  onKindChange: (kind: ReviewKind | null) => void;
}) {
  return (
    <div className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" role="group" aria-label="Filter by reason">
        {tiles.map((tile) => {
          const isActive = tile.kind === kind;
          return (
            <button
              key={tile.label}
              type="button"
              aria-pressed={isActive}
              onClick={() => onKindChange(tile.kind)}
              data-testid={`review-count-${tile.kind ?? "total"}`}
              className={`rounded-lg border p-4 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${
                isActive
                  ? "border-brand-500 bg-brand-50 dark:border-brand-400 dark:bg-slate-800"
                  : "border-slate-200 bg-white hover:bg-slate-50 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800"
              }`}
            >
              <span className="block text-sm text-slate-600 dark:text-slate-300">{tile.label}</span>
              <span className="block text-2xl font-semibold tabular-nums" data-count>
                {tile.count(counts)}
              </span>
            </button>
          );
        })}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Out of {usersInReport} users in the organization. Counts follow the status and email filters.
      </p>
    </div>
  );
}
