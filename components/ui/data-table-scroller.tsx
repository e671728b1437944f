"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The one horizontal scroller of every table. `relative` on the scroller itself: an absolutely placed
 * screen-reader label inside a cell is then placed against the scroller and scrolls with it, rather than
 * against the page, where it pushed the page wider than a phone (770 px on /accounts, 929 on /staff).
 * While there is more to the right a fade shows at the right edge; once scrolled, the sticky first column
 * casts a shadow (through `data-scrolled`), so a reader sees the table moves under it.
 */
export function TableScroller({ label, children }: { label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ isScrolled: false, hasMore: false });
  useEffect(() => {
    const scroller = ref.current;
    if (!scroller) return;
    const update = () => {
      const rest = scroller.scrollWidth - scroller.clientWidth - scroller.scrollLeft;
      const next = { isScrolled: scroller.scrollLeft > 1, hasMore: rest > 1 };
      setEdges((current) =>
        current.isScrolled === next.isScrolled && current.hasMore === next.hasMore ? current : next,
      );
    };
    update();
    scroller.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    return () => {
      scroller.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);
  const canScroll = edges.isScrolled || edges.hasMore;
  return (
    <div
      className="group/scroller relative"
      data-scrolled={edges.isScrolled ? "" : undefined}
      // The first column is sticky only while the table overflows (see data-table.tsx).
      data-overflows={canScroll ? "" : undefined}
    >
      <div
        ref={ref}
        data-testid="table-scroller"
        // A keyboard user scrolls it with the arrow keys once focused (axe: scrollable-region-focusable).
        tabIndex={canScroll ? 0 : undefined}
        role={canScroll ? "region" : undefined}
        aria-label={canScroll ? `${label} (scrolls sideways)` : undefined}
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500"
      >
        {children}
      </div>
      {edges.hasMore ? (
        <div
          aria-hidden
          data-testid="scroll-cue"
          className="pointer-events-none absolute inset-y-0 right-0 w-10 bg-gradient-to-l from-slate-400/40 to-transparent dark:from-black/60"
        />
      ) : null}
    </div>
  );
}
