import { describe, expect, it } from "vitest";
import {
  formatCalendarDay,
  formatDateTime,
  formatFullTimestamp,
  formatRelativeTime,
  stableDateOptions,
} from "@/lib/format/date";

const moment = "2026-12-01T13:05:22.123Z";

describe("formatDateTime", () => {
  it("renders a short readable date-time that names its zone (the server's stable form)", () => {
    expect(formatDateTime(moment)).toBe("1 Dec 2026, 13:05 UTC");
    expect(formatDateTime(new Date(moment), stableDateOptions)).toBe("1 Dec 2026, 13:05 UTC");
  });

  it("follows the viewer's zone and locale when given them", () => {
    expect(formatDateTime(moment, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe(
      "1 Dec 2026, 14:05 CET",
    );
    expect(formatDateTime(moment, { locale: "en-US", timeZone: "America/New_York" })).toBe(
      "Dec 1, 2026, 8:05 AM EST",
    );
  });

  it("says — for no value and keeps an unparseable string as it was", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("")).toBe("—");
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});

describe("formatFullTimestamp", () => {
  it("gives the second and the exact ISO instant for the tooltip", () => {
    expect(formatFullTimestamp(moment)).toBe("1 Dec 2026, 13:05:22 UTC (2026-12-01T13:05:22.123Z)");
    expect(formatFullTimestamp(null)).toBe("");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse(moment);
  const ago = (ms: number) => new Date(now - ms).toISOString();

  it("counts days exactly around the 90-day dormancy line", () => {
    expect(formatRelativeTime(ago(89 * 86_400_000), now)).toBe("89 days ago");
    expect(formatRelativeTime(ago(95 * 86_400_000), now)).toBe("95 days ago");
  });

  it("uses months, years, hours, minutes and just now", () => {
    expect(formatRelativeTime(ago(200 * 86_400_000), now)).toBe("6 months ago");
    expect(formatRelativeTime(ago(800 * 86_400_000), now)).toBe("2 years ago");
    expect(formatRelativeTime(ago(3 * 3_600_000), now)).toBe("3 hours ago");
    expect(formatRelativeTime(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelativeTime(ago(10_000), now)).toBe("just now");
  });
});

describe("formatCalendarDay", () => {
  it("reads a due date as a day, never moved by a zone", () => {
    expect(formatCalendarDay("2026-12-15")).toBe("15 Dec 2026");
    expect(formatCalendarDay("2026-01-01", "en-US")).toBe("Jan 1, 2026");
    expect(formatCalendarDay(null)).toBe("—");
    expect(formatCalendarDay("soon")).toBe("soon");
  });
});
