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
  /**
   * Only requests whose query string has each of these parameters with exactly this value (a test aiming at
   * page 2 of a list, not at a background read of page 1 that happens to come first).
   */
  query?: Record<string, string>;
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

  take(operationId: OperationId, query: URLSearchParams = new URLSearchParams()): Fault | undefined {
    const index = this.faults.findIndex(
      (fault) =>
        (fault.operation === "*" || fault.operation === operationId) &&
        Object.entries(fault.query ?? {}).every(([name, value]) => query.get(name) === value),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }
}
