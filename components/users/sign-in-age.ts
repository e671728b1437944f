import { dormantAfterDays } from "@/lib/schemas/org-users";

// The list's dormant mark: no sign-in for 90 days, or never (the rule the access review applies too).
export const DORMANT_DAYS = dormantAfterDays;
const DAY_MS = 86_400_000;

export function isDormant(lastSignInAt: string | null, now: number = Date.now()): boolean {
  if (lastSignInAt === null) return true;
  const signedInAt = Date.parse(lastSignInAt);
  return Number.isFinite(signedInAt) && now - signedInAt >= DORMANT_DAYS * DAY_MS;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY_MS],
  ["month", 30 * DAY_MS],
  ["day", DAY_MS],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 days ago", "last month"… or "just now" under a minute. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Date.parse(iso) - now;
  for (const [unit, size] of units) {
    if (Math.abs(elapsed) >= size) return relative.format(Math.round(elapsed / size), unit);
  }
  return "just now";
}

const absolute = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The exact moment, in UTC like the audit trail, for titles and the detail page. */
export function formatUtc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${absolute.format(date)} UTC`;
}
