"use client";

import { DisabledReason } from "@/components/ui/disabled-reason";
import type { SavedView } from "@/lib/schemas/saved-views";

// The icons are given drawn: the sidebar's come from the server (components/shell/nav-links.tsx), so no page
// downloads their code for it.

/** Marks a view the team can see, and whose it is when it is not the viewer's. */
export function SharedMark({ view, icon }: { view: SavedView; icon: React.ReactNode }) {
  if (!view.shared) return null;
  const label = view.isMine ? "Shared with the team" : `Shared by ${view.ownerName}`;
  return (
    <span title={label} className="inline-flex shrink-0 items-center text-slate-500 dark:text-slate-400">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}

/** Delete, or the reason one may not (someone else's shared view, for anyone but an admin). */
export function DeleteViewButton({
  view,
  onDelete,
  className = "",
  icon,
}: {
  view: SavedView;
  onDelete: () => void;
  className?: string;
  /** A bin, size-4. */
  icon: React.ReactNode;
}) {
  const reason = view.canDelete
    ? ""
    : `Only ${view.ownerName}, who shared it, or an admin can delete this view.`;
  return (
    <DisabledReason reason={reason}>
      <button
        type="button"
        onClick={onDelete}
        disabled={!view.canDelete}
        aria-label={`Delete the view ${view.name}`}
        className={`rounded p-2 text-slate-500 hover:bg-slate-100 hover:text-red-600 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-40 dark:hover:bg-slate-800 ${className}`}
      >
        {icon}
      </button>
    </DisabledReason>
  );
}
