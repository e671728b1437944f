"use client";

import { Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { EmptyPanel, ErrorPanel, LoadingPanel } from "@/components/ui/state-panels";
import { savedViewHref } from "@/lib/queries/saved-views";
import type { SavedView, SavedViewList } from "@/lib/schemas/saved-views";
import { DeleteViewDialog } from "./delete-view-dialog";
import { DeleteViewButton } from "./view-parts";
import type { useListViews } from "./use-list-views";

/** The Views button's dialog: the list's saved views, each a link, with its delete confirmation. */
export function ViewsListDialog({
  list,
  views,
  isOpen,
  setIsOpen,
  setOpen,
  buttonRef,
}: {
  list: SavedViewList;
  views: ReturnType<typeof useListViews>;
  isOpen: boolean;
  /** Opens or closes, focus left where it is. */
  setIsOpen: (open: boolean) => void;
  /** Opens or closes, focus given back to the Views button on close. */
  setOpen: (open: boolean) => void;
  buttonRef: React.RefObject<HTMLButtonElement | null>;
}) {
  const [toDelete, setToDelete] = useState<SavedView | null>(null);
  return (
    <>
      <Dialog
        open={isOpen}
        onOpenChange={setOpen}
        title={`Saved ${list} views`}
        description="Yours, and those colleagues share with the team."
      >
        {views.isPending ? (
          <LoadingPanel label="Loading views…" />
        ) : views.isError ? (
          <ErrorPanel message={views.error.message} onRetry={() => views.refetch()} />
        ) : views.data.length === 0 ? (
          <EmptyPanel title="No saved views yet.">Set the filters you want, then use Save view.</EmptyPanel>
        ) : (
          <ul aria-label={`Saved ${list} views`} className="-mx-2 flex max-h-[60vh] flex-col overflow-y-auto">
            {views.data.map((view) => (
              <li
                key={view.id}
                className="flex items-center gap-2 rounded-md px-2 hover:bg-slate-50 dark:hover:bg-slate-800"
              >
                <Link
                  href={savedViewHref(view)}
                  onClick={() => setIsOpen(false)}
                  className="flex min-w-0 flex-1 items-center gap-2 py-2.5 text-sm font-medium"
                >
                  <span className="flex min-w-0 flex-col">
                    <span className="truncate">{view.name}</span>
                    <span className="text-xs font-normal text-slate-500 dark:text-slate-400">
                      {sharingOf(view)}
                    </span>
                  </span>
                </Link>
                <DeleteViewButton
                  view={view}
                  icon={<Trash2 aria-hidden className="size-4" />}
                  onDelete={() => {
                    setIsOpen(false);
                    setToDelete(view);
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </Dialog>
      <DeleteViewDialog
        view={toDelete}
        onClose={() => {
          setToDelete(null);
          setTimeout(() => buttonRef.current?.focus(), 0);
        }}
      />
    </>
  );
}

function sharingOf(view: SavedView): string {
  if (!view.shared) return "Only you";
  return view.isMine ? "Shared with the team" : `Shared by ${view.ownerName}`;
}
