"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";

// The drawer (Radix's dialog) loads on the first open: most visits are on a desktop and never open it.
const NavDrawer = dynamic(() => import("./nav-drawer").then((module) => module.NavDrawer), {
  // Its own Suspense boundary while it loads (ssr: false gives one): without it the wait suspended the
  // page up to its loading.tsx, hiding the page (and the focus on what opened it) for a moment.
  ssr: false,
});

interface MobileNavProps {
  /** The same NavLinks (and saved views) the desktop sidebar shows. */
  children: React.ReactNode;
  /** Who is signed in: the header has no room for it on a phone. */
  signedInAs: { name: string; email: string };
  /** The button's icon, drawn by the console layout (a server component). */
  icon: React.ReactNode;
}

/** Below the md breakpoint the sidebar is hidden; this menu button opens it as a drawer (./nav-drawer.tsx). */
export function MobileNav({ children, signedInAs, icon }: MobileNavProps) {
  const [open, setOpen] = useState(false);
  const [hasOpened, setHasOpened] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-label="Open the menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-testid="menu-button"
        onClick={() => {
          setHasOpened(true);
          setOpen(true);
        }}
        className="inline-flex size-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 md:hidden dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {icon}
      </button>
      {hasOpened ? (
        <NavDrawer open={open} onOpenChange={setOpen} opener={buttonRef} signedInAs={signedInAs}>
          {children}
        </NavDrawer>
      ) : null}
    </>
  );
}
