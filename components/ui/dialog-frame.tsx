"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { RefObject } from "react";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}

interface DialogFrameProps extends DialogProps {
  /** What had focus when the dialog opened (kept by `Dialog`, which sees the open before this loads). */
  openerRef: RefObject<HTMLElement | null>;
}

/** The dialog itself, on Radix: loaded by `Dialog` (./dialog.tsx) the first time it opens. */
export function DialogFrame({
  open,
  onOpenChange,
  title,
  description,
  children,
  openerRef,
}: DialogFrameProps) {
  // Our dialogs open from state, not from a Radix Trigger, so Radix has no trigger to refocus on close and
  // focus would fall to <body>: give it back to what had it when the dialog opened.
  function returnFocus(event: Event) {
    const element = openerRef.current;
    openerRef.current = null;
    // The opener may be gone (a row action whose row left the page): then Radix's default applies.
    if (!element?.isConnected) return;
    event.preventDefault();
    element.focus();
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        {/* Capped to the viewport and scrolling inside itself, so a tall form fits a phone. */}
        <RadixDialog.Content
          onCloseAutoFocus={returnFocus}
          className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-200 bg-white p-4 shadow-xl sm:p-6 dark:border-slate-800 dark:bg-slate-900"
        >
          <RadixDialog.Title className="pr-8 text-lg font-semibold break-words">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {description}
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
          )}
          <div className="mt-4">{children}</div>
          <RadixDialog.Close
            aria-label="Close"
            className="absolute top-3 right-3 rounded p-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 sm:top-4 sm:right-4 dark:text-slate-400 dark:hover:bg-slate-800"
          >
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
