"use client";

import { useCallback, useSyncExternalStore } from "react";
import {
  formatCalendarDay,
  formatDateTime,
  formatFullTimestamp,
  formatRelativeTime,
  stableDateOptions,
  type DateFormatOptions,
} from "@/lib/format/date";

const neverChanges = () => () => {};
// The runtime's own locale and zone: in a browser, the viewer's.
const viewerOptions: DateFormatOptions = {};

/**
 * The viewer's locale and zone once hydrated; the server's fixed en-GB/UTC before. React renders the server
 * snapshot while hydrating and then re-renders, so the HTML always matches and no mismatch is reported.
 */
function useDateOptions(): DateFormatOptions {
  const isBrowser = useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
  return isBrowser ? viewerOptions : stableDateOptions;
}

/** For text that is not a <Timestamp> (an aria-label, a sentence): the same format as everywhere else. */
export function useFormatDateTime(): (value: string | null | undefined) => string {
  const options = useDateOptions();
  return useCallback((value) => formatDateTime(value, options), [options]);
}

interface TimestampProps {
  value: string | null | undefined;
  /** "12 days ago" instead of the date (the full moment stays in the tooltip). */
  relative?: boolean;
  /** A calendar day ("2026-12-15", a due date) rather than a moment: shown as "15 Dec 2026", never shifted. */
  day?: boolean;
  /** Shown when there is no value. */
  fallback?: React.ReactNode;
  className?: string;
}

/** A moment, read the same way on every page; hover (or the title) gives it to the second, and in ISO. */
export function Timestamp({
  value,
  relative = false,
  day = false,
  fallback = "—",
  className,
}: TimestampProps) {
  const options = useDateOptions();
  if (day && value) {
    return (
      <time dateTime={value} className={className}>
        {formatCalendarDay(value, options.locale)}
      </time>
    );
  }
  const date = value ? new Date(value) : null;
  if (!value || !date || Number.isNaN(date.getTime())) return <>{value || fallback}</>;
  // Relative text depends on "now", so the server renders the absolute date and the browser swaps it in.
  const text =
    relative && options === viewerOptions ? formatRelativeTime(value) : formatDateTime(value, options);
  return (
    <time dateTime={date.toISOString()} title={formatFullTimestamp(value, options)} className={className}>
      {text}
    </time>
  );
}
