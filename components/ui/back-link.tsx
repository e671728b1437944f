"use client";

import { useSyncExternalStore } from "react";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";

// The parts of the Navigation API (Chromium 102+, Firefox 147+, Safari 26+) read here; older browsers
// simply get the plain list link.
interface NavigationLike extends EventTarget {
  currentEntry: { index: number; url: string | null } | null;
  entries(): { url: string | null }[];
}
const navigation = (): NavigationLike | undefined =>
  (globalThis as { navigation?: NavigationLike }).navigation;

/**
 * The list as it was left, read from this tab's session history: the nearest earlier entry that is not this
 * page (a skip-link `#content` entry is the same page). Only that list's own path with its query string is
 * taken, never another page or origin, so nothing here can send anyone elsewhere.
 */
function listHrefFromHistory(listPath: string): string | null {
  const nav = navigation();
  const current = nav?.currentEntry;
  if (!nav || !current?.url) return null;
  const here = new URL(current.url);
  const entries = nav.entries();
  for (let index = current.index - 1; index >= 0; index--) {
    const url = entries[index]?.url;
    if (!url) return null;
    const entry = new URL(url);
    if (entry.pathname === here.pathname && entry.search === here.search) continue;
    return entry.origin === here.origin && entry.pathname === listPath ? `${listPath}${entry.search}` : null;
  }
  return null;
}

function subscribe(onChange: () => void) {
  const nav = navigation();
  nav?.addEventListener("currententrychange", onChange);
  return () => nav?.removeEventListener("currententrychange", onChange);
}

/** The list's address as it was left in this tab, or the plain list (and on the server). */
export function useListHref(listPath: string): string {
  return useSyncExternalStore(
    subscribe,
    () => listHrefFromHistory(listPath) ?? listPath,
    () => listPath,
  );
}

/**
 * "All accounts" / "All users": back to the list with the filters, tab, sort, page and page size it had
 * (what the browser's Back does), without putting a return address in the URL.
 */
export function BackLink({ listPath, children }: { listPath: string; children: React.ReactNode }) {
  const href = useListHref(listPath);
  return (
    <Link
      href={href}
      data-testid="back-link"
      className="inline-flex items-center gap-1 self-start rounded text-sm text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-brand-300"
    >
      <ArrowLeft aria-hidden className="size-4" />
      {children}
    </Link>
  );
}
