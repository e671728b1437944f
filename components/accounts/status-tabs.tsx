"use client";

import { useRef } from "react";
import { statusTabs, type StatusTab } from "@/lib/accounts/url-state";
import type { AccountStatusCounts } from "@/lib/schemas/managed-accounts";

const labels: Record<StatusTab, string> = {
  all: "All",
  enabled: "Enabled",
  disabled: "Disabled",
  blocked: "Blocked",
  cancelled: "Cancelled",
};

interface StatusTabsProps {
  value: StatusTab;
  /** Each tab's count, where known (see toStatusCounts). */
  counts?: AccountStatusCounts;
  panelId: string;
  onChange: (tab: StatusTab) => void;
}

/**
 * All / Enabled / Disabled / Blocked / Cancelled, each with its count. The counts cost no request of their
 * own: they come from the status sets the list caches anyway. The tabs wrap on a narrow screen.
 */
export function StatusTabs({ value, counts, panelId, onChange }: StatusTabsProps) {
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
      className="flex flex-wrap gap-x-1 border-b border-slate-200 dark:border-slate-800"
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
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium sm:px-4 ${
              isActive
                ? "border-brand-600 text-brand-700 dark:text-white"
                : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            }`}
          >
            {labels[tab]}
            {counts?.[tab] !== undefined ? (
              <span
                data-testid="tab-count"
                className="ml-2 rounded-full bg-slate-100 px-2 text-xs text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-200"
              >
                {counts[tab]}
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
