"use client";

import { Bookmark } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SavedViewList } from "@/lib/schemas/saved-views";

// The dialog (its form, the Radix switch, the create mutation) loads when first opened, not with the list.
const SaveViewDialog = dynamic(() => import("./save-view-form").then((module) => module.SaveViewDialog), {
  // Its own Suspense boundary while it loads (ssr: false gives one): without it the wait suspended the
  // page up to its loading.tsx, hiding the page (and the focus on what opened it) for a moment.
  ssr: false,
});

interface SaveViewButtonProps {
  list: SavedViewList;
  /** The list's current filters, sort and page size (no page). */
  query: Record<string, unknown>;
}

/** "Save view": names the list's current filters, sort and page size, for oneself or the whole team. */
export function SaveViewButton({ list, query }: SaveViewButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Radix gives focus back only to a Dialog.Trigger; this button opened the dialog, so it gets it back.
  const close = () => {
    setIsOpen(false);
    setTimeout(() => buttonRef.current?.focus(), 0);
  };

  return (
    <>
      <Button
        ref={buttonRef}
        variant="secondary"
        onClick={() => {
          setHasOpened(true);
          setIsOpen(true);
        }}
      >
        <Bookmark aria-hidden className="size-4" />
        Save view
      </Button>
      {hasOpened ? <SaveViewDialog list={list} query={query} open={isOpen} onClose={close} /> : null}
    </>
  );
}
