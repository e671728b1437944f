"use client";

import { useRef } from "react";
import { statusTabs, type StatusTab } from "@/lib/accounts/url-state";

const labels: Record<StatusTab, string> = {
  all: "All",
  enabled: "Enabled",
  disabled: "Disabled",
  cancelled: "Cancelled",
};

interface StatusTabsProps {
  value: StatusTab;
  total?: number;
  panelId: string;
  onChange: (tab: StatusTab) => void;
}

/**
 * All / Enabled / Disabled / Cancelled. Only the active tab shows its count: a count per tab would cost a
 * Telnyx request each on every filter change, against a rate limit we share with everything else.
 */
export function StatusTabs({ value, total, panelId, onChange }: StatusTabsProps) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (from: number, step: number) => {
    const next = (from + step + statusTabs.length) % statusTabs.length;
    onChange(statusTabs[next]!);
    refs.current[next]?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label="Account status"
      className="flex gap-1 border-b border-slate-200 dark:border-slate-800"
    >
      {statusTabs.map((tab, index) => {
        const isActive = tab === value;
        return (
          <button
            key={tab}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`status-tab-${tab}`}
            aria-selected={isActive}
            aria-controls={panelId}
            tabIndex={isActive ? 0 : -1}
            onClick={() => onChange(tab)}
            onKeyDown={(event) => {
              if (event.key === "ArrowRight") move(index, 1);
              if (event.key === "ArrowLeft") move(index, -1);
            }}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${
              isActive
                ? "border-brand-600 text-brand-700 dark:text-white"
                : "border-transparent text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-200"
            }`}
          >
            {labels[tab]}
            {isActive && total !== undefined ? (
              <span className="ml-2 rounded-full bg-slate-100 px-2 text-xs tabular-nums dark:bg-slate-800">
                {total}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
