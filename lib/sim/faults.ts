import type { OperationId } from "./router";

export const FAULT_KINDS = ["latency", "rate_limit", "server_error", "reset", "hang", "truncate"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  operation: OperationId | "*";
  kind: FaultKind;
  /** Requests it still affects; it clears at 0. */
  times: number;
  ms?: number;
  retryAfter?: number;
  status?: number;
}

/** Armed faults, first armed first served. Each matching request uses up one "time" of one fault. */
export class FaultBook {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Drops every fault, or only those armed for one operation (tests break several operations at once). */
  clear(operation?: OperationId | "*"): void {
    this.faults = operation ? this.faults.filter((fault) => fault.operation !== operation) : [];
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  take(operationId: OperationId): Fault | undefined {
    const index = this.faults.findIndex(
      (fault) => fault.operation === "*" || fault.operation === operationId,
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }
}
