"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { listPaths, savedViewHref } from "@/lib/queries/saved-views";
import type { SavedView, SavedViewList } from "@/lib/schemas/saved-views";
import { DeleteViewButton, SharedMark } from "./view-parts";
import { useListViews } from "./use-list-views";

// The confirmation (and its delete mutation) loads when a deletion is first asked for, not with every page.
const DeleteViewDialog = dynamic(
  () => import("./delete-view-dialog").then((module) => module.DeleteViewDialog),
  { ssr: false },
);

/**
 * A list's saved views, under its link in the sidebar. Nothing shows while loading or when there are none.
 * The shared mark's and the delete button's icons come drawn by the sidebar (a server component).
 */
export function SidebarViews({
  list,
  icons,
}: {
  list: SavedViewList;
  icons: { shared: React.ReactNode; delete: React.ReactNode };
}) {
  const views = useListViews(list);
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const [toDelete, setToDelete] = useState<SavedView | null>(null);
  const [hasAsked, setHasAsked] = useState(false);
  if (!views.data || views.data.length === 0) return null;
  const here = `${pathname}${search ? `?${search}` : ""}`;
  return (
    <>
      <ul
        aria-label={`Saved ${list} views`}
        className="ml-6 flex flex-col border-l border-slate-200 pl-2 dark:border-slate-800"
      >
        {views.data.map((view) => {
          const href = savedViewHref(view);
          const isCurrent = pathname === listPaths[list] && here === href;
          return (
            <li key={view.id} className="group flex items-center">
              <Link
                href={href}
                title={view.name}
                aria-current={isCurrent ? "page" : undefined}
                className={`flex min-w-0 flex-1 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm ${
                  isCurrent
                    ? "bg-brand-50 font-medium text-brand-700 dark:bg-slate-800 dark:text-white"
                    : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                }`}
              >
                <span className="truncate">{view.name}</span>
                <SharedMark view={view} icon={icons.shared} />
              </Link>
              {view.canDelete ? (
                // Shown on hover or when the row has keyboard focus, so names get the narrow sidebar's width.
                <DeleteViewButton
                  view={view}
                  icon={icons.delete}
                  onDelete={() => {
                    setHasAsked(true);
                    setToDelete(view);
                  }}
                  className="hidden group-focus-within:inline-flex group-hover:inline-flex"
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {hasAsked ? <DeleteViewDialog view={toDelete} onClose={() => setToDelete(null)} /> : null}
    </>
  );
}
