import { describe, expect, it } from "vitest";
import { daysLeft, MAX_DAYS_LEFT, spendPerDay } from "@/lib/balances/spend-rate";
import { summariseSpend } from "@/lib/balances/refresh";

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.UTC(2026, 10, 1) + days * DAY);

describe("spendPerDay", () => {
  it("is the slope of a steady fall, whatever the spacing of the reads", () => {
    const points = [0, 0.5, 2, 3].map((day) => ({ amount: 100 - 4 * day, at: at(day) }));
    expect(spendPerDay(points)).toBeCloseTo(4, 6);
  });

  it("fits a noisy fall by least squares", () => {
    const points = [
      { amount: 100, at: at(0) },
      { amount: 97, at: at(1) },
      { amount: 96, at: at(2) },
      { amount: 91, at: at(3) },
    ];
    expect(spendPerDay(points)).toBeCloseTo(2.8, 6);
  });

  it("counts only the reads since the last top-up", () => {
    const points = [
      { amount: 20, at: at(0) },
      { amount: 10, at: at(1) },
      { amount: 500, at: at(2) },
      { amount: 490, at: at(3) },
      { amount: 480, at: at(4) },
    ];
    expect(spendPerDay(points)).toBeCloseTo(10, 6);
  });

  it("needs two reads at different moments", () => {
    expect(spendPerDay([])).toBeNull();
    expect(spendPerDay([{ amount: 5, at: at(0) }])).toBeNull();
    expect(
      spendPerDay([
        { amount: 5, at: at(1) },
        { amount: 4, at: at(1) },
      ]),
    ).toBeNull();
  });
});

describe("daysLeft", () => {
  it("divides the balance by the spend", () => {
    expect(daysLeft(100, 4)).toBe(25);
  });
  it("is zero for a balance already at or below zero while spending", () => {
    expect(daysLeft(0, 4)).toBe(0);
    expect(daysLeft(-3, 4)).toBe(0);
  });
  it("is null when not spending (idle, rising, unknown) or with no balance of its own", () => {
    expect(daysLeft(100, 0)).toBeNull();
    expect(daysLeft(100, 0.001)).toBeNull();
    expect(daysLeft(100, -2)).toBeNull();
    expect(daysLeft(100, null)).toBeNull();
    expect(daysLeft(null, 4)).toBeNull();
  });
  it("is capped so a near-idle account fits the column", () => {
    expect(daysLeft(1_000_000, 0.02)).toBe(MAX_DAYS_LEFT);
  });
});

describe("summariseSpend", () => {
  it("turns stored decimal strings into the stored spend and days left", () => {
    const points = [0, 1, 2].map((day) => ({ amount: (60 - 10 * day).toFixed(4), at: at(day) }));
    expect(summariseSpend(points)).toEqual({ spendPerDay: "10.0000", daysLeft: "4.00" });
    expect(summariseSpend(points.slice(0, 1))).toEqual({ spendPerDay: null, daysLeft: null });
  });
});
