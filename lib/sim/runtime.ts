import { FaultBook } from "./faults";
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

  constructor(
    readonly apiKey: string,
    public sizes: SeedSizes,
  ) {
    this.store = new SimStore({ ...sizes, now: Date.now() });
  }

  reset(sizes: SeedSizes): void {
    this.sizes = sizes;
    this.store.reset({ ...sizes, now: Date.now() });
    this.faults.clear();
    this.counts = zeroCounts();
  }
}

export function zeroCounts(): Record<OperationId, number> {
  return Object.fromEntries(OPERATION_IDS.map((id) => [id, 0])) as Record<OperationId, number>;
}
