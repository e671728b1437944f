"use client";

import dynamic from "next/dynamic";
import type { JobAction } from "@/lib/schemas/jobs";
import type { AccountSelection } from "./use-account-selection";

export type BulkAccountAction = Extract<JobAction, `account.${string}`>;

// The buttons (their icons, permissions and hints) load when the pointer or focus first reaches the list
// (preloadBulkActions), well before a first tick shows them; the bar and its live count are here.
const loadBulkActions = () => import("./bulk-actions");
export const preloadBulkActions = () => void loadBulkActions();
const BulkActions = dynamic(() => loadBulkActions().then((module) => module.BulkActions), { ssr: false });

const plural = (count: number) => `${count} account${count === 1 ? "" : "s"}`;

/**
 * Shown while something is ticked: the count (read out as it changes), "select all N in this view", and the
 * bulk actions (./bulk-actions.tsx).
 */
export function BulkActionBar({
  selection,
  viewTotal,
  pageCount,
  onAction,
}: {
  selection: AccountSelection;
  viewTotal: number | undefined;
  pageCount: number;
  onAction: (action: BulkAccountAction) => void;
}) {
  const count = selection.count;
  const canWidenToView =
    !selection.isWholeView && viewTotal !== undefined && viewTotal > pageCount && count >= pageCount;
  // The bar (and its live count) stays mounted, hidden while empty, so every change of the count is heard.
  if (count === 0) {
    return (
      <div role="region" aria-label="Bulk actions" className="sr-only">
        <p aria-live="polite" aria-atomic>
          No accounts selected
        </p>
      </div>
    );
  }
  return (
    <div
      role="region"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      // At least a small button's height, so the bar does not grow when its buttons arrive.
      className="flex min-h-12 flex-wrap items-center gap-3 border-b border-brand-200 bg-brand-50 px-4 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60"
    >
      <p aria-live="polite" aria-atomic className="font-medium" data-testid="selection-count">
        {selection.isWholeView ? `All ${plural(count)} in this view selected` : `${plural(count)} selected`}
      </p>
      <BulkActions
        selection={selection}
        widenTo={canWidenToView ? viewTotal : undefined}
        plural={plural}
        onAction={onAction}
      />
    </div>
  );
}
