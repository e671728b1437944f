"use client";

import { useQuery } from "@tanstack/react-query";
import { openAlertCountOptions } from "@/lib/queries/shell-badges";

/** The count of open low-balance alerts beside "Alerts" in the sidebar; nothing when there are none. */
export function OpenAlertsCount() {
  const count = useQuery(openAlertCountOptions()).data ?? 0;
  if (count === 0) return null;
  return (
    <span
      data-testid="open-alerts-count"
      className="ml-auto rounded-full bg-red-700 px-1.5 text-xs text-white"
      aria-label={`${count} open`}
    >
      {count}
    </span>
  );
}
