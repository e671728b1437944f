// The one way the console shows a moment: a short readable date-time ("1 Dec 2026, 13:05 UTC") that always
// names its time zone, since staff compare it with UTC filters and with colleagues elsewhere. The browser
// shows the viewer's locale and zone; the server (and the first client render that must match it) shows
// en-GB in UTC. <Timestamp> (components/ui/timestamp.tsx) picks between the two.

export interface DateFormatOptions {
  /** A BCP 47 locale; undefined is the runtime's (the viewer's, in a browser). */
  locale?: string;
  /** An IANA zone; undefined is the runtime's. */
  timeZone?: string;
}

/** What the server renders: fixed, so its HTML is the same for every viewer and hydrates cleanly. */
export const stableDateOptions: DateFormatOptions = { locale: "en-GB", timeZone: "UTC" };

const shortParts: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(options: DateFormatOptions, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${options.locale ?? ""}|${options.timeZone ?? ""}|${withSeconds}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(options.locale, {
      ...shortParts,
      ...(withSeconds ? { second: "2-digit" } : {}),
      timeZone: options.timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === "") return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1 Dec 2026, 13:05 UTC"; "—" for no value; an unparseable string comes back as it was. */
export function formatDateTime(
  value: string | Date | null | undefined,
  options: DateFormatOptions = stableDateOptions,
): string {
  const date = toDate(value);
  if (!date) return typeof value === "string" && value !== "" ? value : "—";
  return formatterFor(options, false).format(date);
}

/** The hover text: the same moment to the second, then the exact ISO timestamp in UTC. */
export function formatFullTimestamp(
  value: string | Date | null | undefined,
  options: DateFormatOptions = stableDateOptions,
): string {
  const date = toDate(value);
  if (!date) return "";
  return `${formatterFor(options, true).format(date)} (${date.toISOString()})`;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar day with no time of its own (a due date, "2026-12-15") as "15 Dec 2026". Read at UTC midnight
 * and shown in UTC, so no viewer's zone moves it to the day before.
 */
export function formatCalendarDay(day: string | null | undefined, locale = stableDateOptions.locale): string {
  if (!day) return "—";
  if (!dayPattern.test(day)) return day;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

const DAY_MS = 86_400_000;
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * "12 days ago", "7 months ago", "2 years ago", or "just now". Days run to 120 so that an age near the
 * 90-day dormancy line reads exactly ("89 days ago", "95 days ago") instead of a rounded "3 months ago".
 */
export function formatRelativeTime(value: string, now: number = Date.now()): string {
  const elapsed = Date.parse(value) - now;
  if (!Number.isFinite(elapsed)) return value;
  const days = Math.abs(elapsed) / DAY_MS;
  const sign = Math.sign(elapsed) || -1;
  if (days >= 730) return relativeFormat.format(sign * Math.floor(days / 365), "year");
  if (days >= 120) return relativeFormat.format(sign * Math.floor(days / 30), "month");
  if (days >= 1) return relativeFormat.format(sign * Math.floor(days), "day");
  if (Math.abs(elapsed) >= 3_600_000) return relativeFormat.format(Math.round(elapsed / 3_600_000), "hour");
  if (Math.abs(elapsed) >= 60_000) return relativeFormat.format(Math.round(elapsed / 60_000), "minute");
  return "just now";
}
