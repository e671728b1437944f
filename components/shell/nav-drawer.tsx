"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import Link from "next/link";
import type { MouseEvent, RefObject } from "react";

interface NavDrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The menu button: focus goes back to it when the drawer closes. */
  opener: RefObject<HTMLButtonElement | null>;
  signedInAs: { name: string; email: string };
  children: React.ReactNode;
}

/**
 * The sidebar as a drawer below the md breakpoint, loaded by MobileNav on the first open. Radix traps focus
 * and closes on Escape; following any link in it closes it too.
 */
export function NavDrawer({ open, onOpenChange, opener, signedInAs, children }: NavDrawerProps) {
  // Links navigate client-side and the layout stays mounted, so the drawer would stay open over the new page.
  function closeOnLink(event: MouseEvent<HTMLDivElement>) {
    if ((event.target as Element).closest("a[href]")) onOpenChange(false);
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50 md:hidden" />
        <RadixDialog.Content
          data-testid="nav-drawer"
          // The menu button is not a Radix Trigger (it must work before this file loads): give focus back.
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            opener.current?.focus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-slate-200 bg-white p-4 shadow-xl md:hidden dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-4 flex items-center justify-between px-3">
            <RadixDialog.Title className="text-lg font-semibold tracking-tight">
              <Link href="/" prefetch={false} onClick={() => onOpenChange(false)}>
                Subdesk
              </Link>
            </RadixDialog.Title>
            <RadixDialog.Close
              aria-label="Close the menu"
              className="rounded p-2 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              <X aria-hidden className="size-4" />
            </RadixDialog.Close>
          </div>
          <RadixDialog.Description className="sr-only">Pages and saved views</RadixDialog.Description>
          <div onClick={closeOnLink}>{children}</div>
          <div className="mt-auto border-t border-slate-200 px-3 pt-4 text-sm dark:border-slate-800">
            <div className="truncate font-medium">{signedInAs.name}</div>
            <div className="truncate text-slate-600 dark:text-slate-400">{signedInAs.email}</div>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
