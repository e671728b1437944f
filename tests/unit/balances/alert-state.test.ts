import { describe, expect, it } from "vitest";
import { nextAlertState, recoveryLine, type AlertState } from "@/lib/balances/alert-state";
import { fromTenThousandths, normaliseDecimal, toTenThousandths } from "@/lib/balances/decimal";

/** Feeds readings through the machine from an unknown state and lists the alerts raised. */
function alertsFor(amounts: string[], threshold: string): string[] {
  let state: AlertState | null = null;
  const events: string[] = [];
  for (const amount of amounts) {
    const { next, event } = nextAlertState({ previous: state, amount, threshold });
    state = next;
    if (event) events.push(`${event}@${amount}`);
  }
  return events;
}

describe("low-balance hysteresis", () => {
  it("alerts once when a balance crosses below the threshold and stays there", () => {
    expect(alertsFor(["80.00", "55.00", "49.99", "30.00", "10.00"], "50.00")).toEqual(["balance.low@49.99"]);
  });

  it("counts a balance exactly at the threshold as not low", () => {
    expect(alertsFor(["50.00", "50", "50.0000"], "50.00")).toEqual([]);
  });

  it("alerts once for a balance that wobbles around the line", () => {
    const wobble = ["51.00", "49.90", "50.10", "49.95", "50.40", "49.80", "53.00", "49.00"];
    expect(alertsFor(wobble, "50.00")).toEqual(["balance.low@49.90"]);
  });

  it("recovers only at the threshold plus 10% and can go low again after", () => {
    expect(recoveryLine("50.00")).toBe("55.00");
    expect(alertsFor(["40.00", "54.99", "55.00", "54.00", "49.00"], "50.00")).toEqual([
      "balance.low@40.00",
      "balance.recovered@55.00",
      "balance.low@49.00",
    ]);
  });

  it("uses a margin of at least 1.00 for small thresholds", () => {
    expect(recoveryLine("0")).toBe("1.00");
    expect(recoveryLine("5.00")).toBe("6.00");
    expect(alertsFor(["-0.01", "0.99", "1.00"], "0")).toEqual([
      "balance.low@-0.01",
      "balance.recovered@1.00",
    ]);
  });

  it("raises a first reading found low, and stays quiet for a first reading above", () => {
    expect(nextAlertState({ previous: null, amount: "12.00", threshold: "50" })).toEqual({
      next: "low",
      event: "balance.low",
    });
    expect(nextAlertState({ previous: null, amount: "70.00", threshold: "50" })).toEqual({
      next: "ok",
      event: null,
    });
  });

  it("refuses readings that are not decimals", () => {
    expect(() => nextAlertState({ previous: "ok", amount: "1e3", threshold: "50" })).toThrow(/decimals/);
  });
});

describe("balance decimals", () => {
  it("compares decimal strings exactly, without floating point", () => {
    expect(toTenThousandths("0.3")).toBe(BigInt(3000));
    expect(toTenThousandths("-12.5")).toBe(BigInt(-125000));
    expect(toTenThousandths("abc")).toBeNull();
    expect(fromTenThousandths(BigInt(-125000))).toBe("-12.50");
    expect(normaliseDecimal("50")).toBe("50.00");
    expect(normaliseDecimal("1.2345")).toBe("1.2345");
  });
});
