"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import Link from "next/link";
import { useState, type MouseEvent } from "react";

interface MobileNavProps {
  /** The same NavLinks (and saved views) the desktop sidebar shows. */
  children: React.ReactNode;
  /** Who is signed in: the header has no room for it on a phone. */
  signedInAs: { name: string; email: string };
}

/**
 * Below the md breakpoint the sidebar is hidden; this menu button opens it as a drawer. Radix traps focus,
 * closes on Escape and returns focus to the button; following any link in it closes it too.
 */
export function MobileNav({ children, signedInAs }: MobileNavProps) {
  const [open, setOpen] = useState(false);

  // Links navigate client-side and the layout stays mounted, so the drawer would stay open over the new page.
  function closeOnLink(event: MouseEvent<HTMLDivElement>) {
    if ((event.target as Element).closest("a[href]")) setOpen(false);
  }

  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger
        aria-label="Open the menu"
        data-testid="menu-button"
        className="inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 md:hidden dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <Menu aria-hidden className="size-5" />
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50 md:hidden" />
        <RadixDialog.Content
          data-testid="nav-drawer"
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col overflow-y-auto border-r border-slate-200 bg-white p-4 shadow-xl md:hidden dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-4 flex items-center justify-between px-3">
            <RadixDialog.Title className="text-lg font-semibold tracking-tight">
              <Link href="/" onClick={() => setOpen(false)}>
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
