"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

// cmdk and the dialog are most of the palette's weight and no page needs them until it opens: they load on
// the first Ctrl+K or click (and start loading when the pointer or focus reaches the button).
const loadDialog = () => import("./command-palette-dialog");
const CommandPaletteDialog = dynamic(() => loadDialog().then((module) => module.CommandPaletteDialog), {
  ssr: false,
});

/**
 * Ctrl+K / ⌘K (or the header's search button): jump to a page, a saved view, a recent account or user, or
 * search accounts by email or organization and users by email. Escape closes it and gives focus back.
 */
export function CommandPalette({ icon }: { icon: React.ReactNode }) {
  const [isOpen, setOpen] = useState(false);
  // Each opening mounts the dialog afresh: an empty search and Recent read again.
  const [openings, setOpenings] = useState(0);
  const opener = useRef<HTMLElement | null>(null);

  function open() {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setOpenings((count) => count + 1);
    setOpen(true);
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.metaKey || event.ctrlKey) || event.altKey) return;
      event.preventDefault();
      if (isOpen) setOpen(false);
      else open();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  });

  return (
    <>
      <button
        type="button"
        onClick={open}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        aria-keyshortcuts="Control+K Meta+K"
        className="inline-flex h-9 items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 sm:min-w-48 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {icon}
        <span className="max-sm:sr-only">Search or jump to…</span>
        <kbd className="ml-auto hidden rounded border border-slate-300 px-1 font-sans text-xs sm:inline dark:border-slate-600">
          Ctrl K
        </kbd>
      </button>
      {openings > 0 ? (
        <CommandPaletteDialog
          key={openings}
          isOpen={isOpen}
          onOpenChange={(next) => (next ? open() : setOpen(false))}
          openerRef={opener}
        />
      ) : null}
    </>
  );
}
