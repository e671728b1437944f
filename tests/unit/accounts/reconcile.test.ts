// The decision rule of reconcile.ts, driven with plain functions standing in for the Telnyx calls (the
// fault-matrix API test drives the real ones against the simulator).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, type Ambiguity } from "@/lib/api/errors";
import { applyReconciled, type ReconcileSpec } from "@/lib/accounts/reconcile";

const lost = (
  ambiguity: Ambiguity | undefined,
  code: "upstream_timeout" | "upstream_unavailable" = "upstream_timeout",
) => new AppError(code, "lost", { ambiguity });

/** A fake upstream: each apply either fails with the next queued error or makes the change. */
function upstream(failures: AppError[], options: { landsLate?: boolean; readable?: boolean } = {}) {
  const state = { isApplied: false, applies: 0, reads: 0, appliedCallbacks: 0 };
  const spec: ReconcileSpec<string> = {
    action: "test.change",
    apply: async () => {
      state.applies += 1;
      const failure = failures.shift();
      if (failure) {
        if (options.landsLate) setTimeout(() => (state.isApplied = true), 30);
        throw failure;
      }
      state.isApplied = true;
      return "changed";
    },
    readBack: async () => {
      state.reads += 1;
      if (options.readable === false) throw new Error("no read");
      return state.isApplied ? "read back" : null;
    },
    isResendable: false,
    appliedText: "it is changed",
    notAppliedText: "it is not changed",
    onApplied: async () => {
      state.appliedCallbacks += 1;
    },
  };
  return { state, spec };
}

const original = process.env.SUBDESK_RECONCILE_DELAYS_MS;
beforeEach(() => {
  process.env.SUBDESK_RECONCILE_DELAYS_MS = "20,40,80";
});
afterEach(() => {
  if (original === undefined) delete process.env.SUBDESK_RECONCILE_DELAYS_MS;
  else process.env.SUBDESK_RECONCILE_DELAYS_MS = original;
});

describe("applyReconciled", () => {
  it("passes a plain refusal through untouched, with no read-back", async () => {
    const refusal = lost(undefined, "upstream_unavailable");
    const { state, spec } = upstream([refusal]);
    await expect(applyReconciled(spec)).rejects.toBe(refusal);
    expect(state.reads).toBe(0);
  });

  it("a lost answer whose change is there is a success, said so in a notice", async () => {
    const { state, spec } = upstream([lost("answered")]);
    spec.apply = async () => {
      state.isApplied = true;
      throw lost("answered");
    };
    const result = await applyReconciled(spec);
    expect(result).toEqual({
      value: "read back",
      notice: expect.stringContaining("we checked: it is changed"),
    });
    expect(state.appliedCallbacks).toBe(1);
  });

  it("an answered failure whose change is not there is not_applied: safe to try again", async () => {
    const { spec } = upstream([lost("answered", "upstream_unavailable")]);
    await expect(applyReconciled(spec)).rejects.toMatchObject({
      outcome: "not_applied",
      code: "upstream_unavailable",
      message: expect.stringContaining("it is not changed"),
    });
  });

  it("a resendable change is sent once more, and that answer decides", async () => {
    const { state, spec } = upstream([lost("in_flight")]);
    spec.isResendable = true;
    const result = await applyReconciled(spec);
    expect(result.notice).toMatch(/sent again and Telnyx confirmed/);
    expect(state.applies).toBe(2);
  });

  it("in flight and not there is unknown, and the later read-backs settle it when it lands", async () => {
    const { spec } = upstream([lost("in_flight")], { landsLate: true });
    const error = (await applyReconciled(spec).catch((caught: unknown) => caught)) as AppError;
    expect(error.outcome).toBe("unknown");
    expect(await error.settleLater?.()).toEqual({ outcome: "success", target: undefined });
  });

  it("in flight and never there settles as a failure after the last read-back", async () => {
    const { spec } = upstream([lost("in_flight")]);
    const error = (await applyReconciled(spec).catch((caught: unknown) => caught)) as AppError;
    expect(error.outcome).toBe("unknown");
    expect(await error.settleLater?.()).toMatchObject({ outcome: "failure", errorCode: "upstream_timeout" });
  });

  it("a state that cannot be read stays unknown: nothing is guessed", async () => {
    const { state, spec } = upstream([lost("answered"), lost("answered")], { readable: false });
    spec.isResendable = true;
    const error = (await applyReconciled(spec).catch((caught: unknown) => caught)) as AppError;
    expect(error.outcome).toBe("unknown");
    expect(error.message).toMatch(/could not check/);
    expect(await error.settleLater?.()).toBeUndefined();
    expect(state.applies).toBe(2);
  });
});
