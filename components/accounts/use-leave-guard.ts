"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

type Leave = { kind: "link"; href: string } | { kind: "back" } | { kind: "action"; run: () => void };

const guardMark = "subdeskLeaveGuard";
const isGuardEntry = () => (window.history.state as Record<string, unknown> | null)?.[guardMark] === true;

/** A same-origin link that would leave this page, or null (new tab, download, another site, an anchor here). */
function leavingHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.dataset.leaveGuard === "allow") return null;
  const url = new URL(anchor.href);
  // Another site unloads this document: `beforeunload` asks about that one.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Asks before the page is left while something that cannot be recovered is on it (the new account's key).
 * Next's App Router cannot block a route change, so each way out is held here instead:
 * - reload, close, another site: `beforeunload` (the browser's own prompt);
 * - a link anywhere in the console: its click is caught before Next's `<Link>` sees it (capture phase);
 * - Back: an extra history entry for this same page is pushed while `isShown`; Back lands on the entry
 *   below it (the same page, nothing unmounts), the guard is pushed again and the question asked.
 * Once `isArmed` is false (the key was copied) Back simply walks on past the extra entry.
 */
export function useLeaveGuard({ isShown, isArmed }: { isShown: boolean; isArmed: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState<Leave | null>(null);
  const armed = useRef(isArmed);
  // Set once the person chose to leave (or Back walked past the extra entry): later pops are theirs.
  const released = useRef(false);
  useEffect(() => {
    armed.current = isArmed;
  }, [isArmed]);

  useEffect(() => {
    if (!isArmed) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium and Safari still need returnValue set to show the prompt.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const href = leavingHref(event);
      if (!href || !armed.current) return;
      event.preventDefault();
      event.stopPropagation();
      setPending({ kind: "link", href });
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", onClick, true);
    };
  }, [isArmed]);

  useEffect(() => {
    if (!isShown) return;
    if (!isGuardEntry()) window.history.pushState({ [guardMark]: true }, "", window.location.href);
    const onPopState = () => {
      if (released.current || isGuardEntry()) return;
      if (!armed.current) {
        released.current = true;
        return window.history.back();
      }
      window.history.pushState({ [guardMark]: true }, "", window.location.href);
      setPending({ kind: "back" });
    };
    window.addEventListener("popstate", onPopState);
    return () => {
      window.removeEventListener("popstate", onPopState);
      // Still on the extra entry (the page stays, e.g. "Create another"): take it off the history again.
      if (isGuardEntry()) window.history.back();
    };
  }, [isShown]);

  /** Runs `action` now, or after the person confirms leaving if the guard is armed. */
  const confirm = useCallback((action: () => void) => {
    if (armed.current) setPending({ kind: "action", run: action });
    else action();
  }, []);

  const leave = () => {
    const next = pending;
    setPending(null);
    armed.current = false;
    released.current = true;
    if (next?.kind === "link") router.push(next.href);
    // Two steps: past the guard entry pushed again on the way in, then the page before this one.
    else if (next?.kind === "back") window.history.go(-2);
    else next?.run();
  };

  return { isAsking: pending !== null, stay: () => setPending(null), leave, confirm };
}
