"use client";

import dynamic from "next/dynamic";
import { useLayoutEffect, useRef, useState } from "react";
import type { DialogProps } from "./dialog-frame";

// Radix's dialog (focus trap, scroll lock, portal: about 14 kB gzipped) is fetched the first time a dialog
// opens rather than with every page that has a button opening one.
const DialogFrame = dynamic(() => import("./dialog-frame").then((module) => module.DialogFrame), {
  // Its own Suspense boundary while it loads (ssr: false gives one): without it the wait suspended the
  // page up to its loading.tsx, hiding the page (and the focus on what opened it) for a moment.
  ssr: false,
});

/**
 * Whether `open` has ever been true: a dialog (or a lazily loaded one's code) is rendered from its first open
 * on, and stays rendered so it can close as it should.
 */
export function useHasOpened(open: boolean) {
  const [hasOpened, setHasOpened] = useState(open);
  // Set during render (React's pattern for state derived from props) so the first open needs no extra pass.
  if (open && !hasOpened) setHasOpened(true);
  return hasOpened;
}

/** A modal dialog, open while `open` is true. Renders nothing until it is first opened. */
export function Dialog(props: DialogProps) {
  const hasOpened = useHasOpened(props.open);
  // What has focus as the dialog opens, read in the same commit (the frame may still be loading then), so
  // closing it gives focus back there.
  const openerRef = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!props.open) return;
    const active = document.activeElement;
    openerRef.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [props.open]);
  return hasOpened ? <DialogFrame {...props} openerRef={openerRef} /> : null;
}
