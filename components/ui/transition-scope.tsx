"use client";

import { createContext, startTransition, use, useTransition, type TransitionStartFunction } from "react";

const StartContext = createContext<TransitionStartFunction>(startTransition);
const PendingContext = createContext(false);

/**
 * One transition for a view's controls (tabs, paging, sort), whose pending state reaches only what shows
 * it. With useTransition in the view itself, every tap began with an urgent render of the whole view, its
 * toolbar and table included, only to dim the table: at 4× CPU that render sat between the tap and its
 * paint. Here that update re-renders this provider, whose children are the elements they were (React
 * skips them), and the components that read usePendingTransition: BusyRegion and PendingProgressBar.
 */
export function TransitionScope({ children }: { children: React.ReactNode }) {
  const [isPending, start] = useTransition();
  return (
    <StartContext value={start}>
      <PendingContext value={isPending}>{children}</PendingContext>
    </StartContext>
  );
}

/** The scope's startTransition; outside a scope, React's own, with nothing shown pending. */
export const useScopeTransition = () => use(StartContext);

/** Whether a transition started in the scope is still rendering. */
const usePendingTransition = () => use(PendingContext);

/**
 * Dims what it wraps while `isBusy` (the view's data is on its way) or the scope's transition renders,
 * without re-rendering it for either: the children come from the view, as they were.
 */
export function BusyRegion({ isBusy, children }: { isBusy: boolean; children: React.ReactNode }) {
  const busy = usePendingTransition() || isBusy;
  return (
    <div
      aria-busy={busy}
      // Its own compositing layer: dimming while the next rows load, and undimming, are then the GPU's
      // work. Without it the browser repainted the whole table for each (a tab change or a page at 4×
      // CPU: paint 595 -> 269 ms over five interactions, the longest task 115 -> 81 ms; Chromium trace).
      className={`transition-opacity will-change-[opacity] ${busy ? "opacity-60" : ""}`}
    >
      {children}
    </div>
  );
}

/** A thin bar while `isActive` or the scope's transition renders; it keeps its height, so nothing moves. */
export function PendingProgressBar({ isActive, label }: { isActive: boolean; label: string }) {
  const active = usePendingTransition() || isActive;
  return (
    <div className="h-0.5 overflow-hidden" aria-hidden={!active}>
      {active ? (
        <div role="progressbar" aria-label={label} className="h-full w-1/3 animate-pulse bg-brand-500" />
      ) : null}
    </div>
  );
}
