import { dormantAfterDays } from "@/lib/schemas/org-users";

// The list's dormant mark: no sign-in for 90 days, or never (the rule the access review applies too).
export const DORMANT_DAYS = dormantAfterDays;
const DAY_MS = 86_400_000;

export function isDormant(lastSignInAt: string | null, now: number = Date.now()): boolean {
  if (lastSignInAt === null) return true;
  const signedInAt = Date.parse(lastSignInAt);
  return Number.isFinite(signedInAt) && now - signedInAt >= DORMANT_DAYS * DAY_MS;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/**
 * "12 days ago", "7 months ago", "2 years ago", or "just now". Days run to 120 so that an age near the
 * 90-day dormancy line reads exactly ("89 days ago", "95 days ago") instead of a rounded "3 months ago".
 */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Date.parse(iso) - now;
  const days = Math.abs(elapsed) / DAY_MS;
  const sign = Math.sign(elapsed) || -1;
  if (days >= 730) return relative.format(sign * Math.floor(days / 365), "year");
  if (days >= 120) return relative.format(sign * Math.floor(days / 30), "month");
  if (days >= 1) return relative.format(sign * Math.floor(days), "day");
  if (Math.abs(elapsed) >= 3_600_000) return relative.format(Math.round(elapsed / 3_600_000), "hour");
  if (Math.abs(elapsed) >= 60_000) return relative.format(Math.round(elapsed / 60_000), "minute");
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
