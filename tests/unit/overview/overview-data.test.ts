import { describe, expect, it } from "vitest";
import { niceMax } from "@/components/overview/column-chart";
import { balanceBuckets, lastMonths } from "@/lib/overview/overview-data";

describe("the overview's chart figures", () => {
  it("counts balances into ranges that scale with the threshold, below-threshold ranges marked", () => {
    const buckets = balanceBuckets([-5, 0, 12.5, 49.99, 50, 99, 250, 4_000, 10_000], 50);
    expect(buckets.map((bucket) => `${bucket.label}:${bucket.count}`)).toEqual([
      "< 0:1",
      "0–50:3",
      "50–100:2",
      "100–250:0",
      "250–500:1",
      "500–1k:0",
      "1k–2.5k:0",
      "2.5k+:2",
    ]);
    // The axis shows each range's lower edge, short enough for a phone's width.
    expect(buckets.map((bucket) => bucket.axisLabel)).toEqual([
      "< 0",
      "0",
      "50",
      "100",
      "250",
      "500",
      "1k",
      "2.5k+",
    ]);
    expect(buckets.filter((bucket) => bucket.isBelowThreshold).map((bucket) => bucket.label)).toEqual([
      "< 0",
      "0–50",
    ]);
  });

  it("lists the last twelve months oldest first, across a year end", () => {
    const months = lastMonths(new Date("2026-02-10T12:00:00Z"), 12);
    expect(months[0]).toBe("2025-03");
    expect(months.at(-1)).toBe("2026-02");
    expect(months).toHaveLength(12);
  });

  it("rounds an axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 3, 7, 12, 180, 999].map(niceMax)).toEqual([1, 5, 10, 20, 200, 1000]);
  });
});
