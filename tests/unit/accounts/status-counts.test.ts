import { describe, expect, it } from "vitest";
import { toStatusCounts } from "@/lib/accounts/status-counts";

const set = (size: number, isComplete = true) => ({
  ids: new Set(Array.from({ length: size }, (_, index) => `id-${index}`)),
  isComplete,
});

describe("toStatusCounts", () => {
  it("enabled is what the other statuses leave of the total; cancelled counts only when shown", () => {
    const sets = { disabled: set(3), blocked: set(2), cancelled: set(4) };
    expect(toStatusCounts(20, sets, false)).toEqual({
      all: 20,
      enabled: 15,
      disabled: 3,
      blocked: 2,
      cancelled: 4,
    });
    expect(toStatusCounts(24, sets, true)).toEqual({
      all: 24,
      enabled: 15,
      disabled: 3,
      blocked: 2,
      cancelled: 4,
    });
  });

  it("leaves out a count it cannot be sure of, and enabled with it", () => {
    const sets = { disabled: set(1000, false), blocked: set(2), cancelled: set(4) };
    expect(toStatusCounts(2000, sets, false)).toEqual({ all: 2000, blocked: 2, cancelled: 4 });
  });

  it("without the sets (Telnyx did not answer them) only the total is known", () => {
    expect(toStatusCounts(7, undefined, false)).toEqual({ all: 7 });
  });
});
