"use client";

import { Layers } from "lucide-react";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHasOpened } from "@/components/ui/dialog";
import type { SavedViewList } from "@/lib/schemas/saved-views";
import { useListViews } from "./use-list-views";

// The list of views (links, delete buttons, the delete confirmation) is fetched when Views is first pressed.
const ViewsListDialog = dynamic(
  () => import("./views-list-dialog").then((module) => module.ViewsListDialog),
  {
    ssr: false,
  },
);

/**
 * The list's saved views from its toolbar: the way to them on a phone, where the sidebar is hidden, and a
 * place to delete them from on any screen.
 */
export function ViewsButton({ list }: { list: SavedViewList }) {
  const [isOpen, setIsOpen] = useState(false);
  const views = useListViews(list);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hasOpened = useHasOpened(isOpen);
  // Radix gives focus back only to a Dialog.Trigger; this button opened the dialog, so it gets it back.
  const setOpen = (open: boolean) => {
    setIsOpen(open);
    if (!open) setTimeout(() => buttonRef.current?.focus(), 0);
  };
  return (
    <>
      <Button ref={buttonRef} variant="secondary" onClick={() => setIsOpen(true)}>
        <Layers aria-hidden className="size-4" />
        Views{views.data ? ` (${views.data.length})` : ""}
      </Button>
      {hasOpened ? (
        <ViewsListDialog
          list={list}
          views={views}
          isOpen={isOpen}
          setIsOpen={setIsOpen}
          setOpen={setOpen}
          buttonRef={buttonRef}
        />
      ) : null}
    </>
  );
}
