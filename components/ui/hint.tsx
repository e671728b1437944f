"use client";

import { useId, useLayoutEffect, useRef, useState, type CSSProperties, type HTMLAttributes } from "react";
import { createPortal } from "react-dom";

// Room a hint needs above its control; nearer the top of the window it shows below instead.
const roomAbovePx = 40;
// Kept this far inside the window's sides (a control at a phone's edge would push half of it off).
const edgePx = 8;

function placeAt(element: HTMLElement): CSSProperties {
  const box = element.getBoundingClientRect();
  const isAbove = box.top >= roomAbovePx;
  return {
    position: "fixed",
    left: box.left + box.width / 2,
    top: isAbove ? box.top - 4 : box.bottom + 4,
    transform: isAbove ? "translate(-50%, -100%)" : "translateX(-50%)",
  };
}

type HintProps = { text: string; children: React.ReactNode } & HTMLAttributes<HTMLSpanElement> & {
    [data: `data-${string}`]: string;
  };

/**
 * A focusable wrapper that shows `text` as a tooltip on hover and focus (Escape hides it). A portal placed
 * from the wrapper's box, so no table or card clips it. Ours rather than Radix's tooltip: these sit on most
 * lists, and Radix's tooltip with its positioning engine was about 10 kB gzip of those pages' first load.
 */
export function Hint({ text, children, ...wrapper }: HintProps) {
  const tooltipId = useId();
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const tooltip = useRef<HTMLSpanElement>(null);
  // Centred over the control, then moved back inside the window before it is painted.
  useLayoutEffect(() => {
    const element = tooltip.current;
    if (!element) return;
    element.style.marginLeft = "";
    const box = element.getBoundingClientRect();
    const shift = Math.max(edgePx - box.left, 0) - Math.max(box.right - (window.innerWidth - edgePx), 0);
    if (shift !== 0) element.style.marginLeft = `${shift}px`;
  }, [place]);
  const show = (event: { currentTarget: HTMLElement }) => setPlace(placeAt(event.currentTarget));
  const hide = () => setPlace(null);
  return (
    <span
      tabIndex={0}
      className="inline-flex"
      {...wrapper}
      aria-describedby={place ? tooltipId : undefined}
      onPointerEnter={show}
      onPointerLeave={hide}
      onFocus={show}
      onBlur={hide}
      onKeyDown={(event) => {
        if (event.key === "Escape") hide();
      }}
    >
      {children}
      {place
        ? createPortal(
            <span
              ref={tooltip}
              id={tooltipId}
              role="tooltip"
              style={place}
              className="pointer-events-none z-50 max-w-xs rounded bg-slate-900 px-2 py-1 text-xs text-white shadow"
            >
              {text}
            </span>,
            document.body,
          )
        : null}
    </span>
  );
}
