import { FaultBook } from "./faults";
import { SimRateLimit } from "./rate-limit";
import { OPERATION_IDS, type OperationId } from "./router";
import { SimStore } from "./store";

export interface SeedSizes {
  seed: number;
  accounts: number;
  users: number;
}

/** Everything one simulator instance holds: state, armed faults and request counters. */
export class SimRuntime {
  readonly store: SimStore;
  readonly faults = new FaultBook();
  counts = zeroCounts();
  readonly rateLimit: SimRateLimit;

  constructor(
    readonly apiKey: string,
    public sizes: SeedSizes,
    /** Enforced requests per second per key; null leaves the advisory figures only. */
    rateLimitRps: number | null = null,
  ) {
    this.store = new SimStore({ ...sizes, now: Date.now() });
    this.rateLimit = new SimRateLimit(rateLimitRps);
  }

  reset(sizes: SeedSizes): void {
    this.sizes = sizes;
    this.store.reset({ ...sizes, now: Date.now() });
    this.faults.clear();
    this.counts = zeroCounts();
    // Back to the limit the simulator started with, every window fresh.
    this.rateLimit.reset();
  }
}

export function zeroCounts(): Record<OperationId, number> {
  return Object.fromEntries(OPERATION_IDS.map((id) => [id, 0])) as Record<OperationId, number>;
}
