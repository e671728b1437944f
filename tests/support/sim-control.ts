import { simUrl } from "./env";

// Drives the Telnyx simulator's control endpoints (enabled by SIM_CONTROL=1 on the test server) so a test
// can start from known data, make the upstream misbehave, and count what the console actually called.

export interface ResetOptions {
  /** How many managed accounts to seed. */
  accounts?: number;
  /** How many organization users to seed. */
  users?: number;
}

export interface Fault {
  /** The OpenAPI operationId to break, e.g. "ListManagedAccounts". */
  operation: string;
  /** What goes wrong, as the simulator names it (rate limit, timeout, error status...). */
  kind: string;
  /** How many calls fail before the operation recovers; every call when omitted. */
  times?: number;
  /** Delay for slow/timeout faults. */
  ms?: number;
  /** Seconds sent in Retry-After for rate-limit faults. */
  retryAfter?: number;
  /** HTTP status for error faults. */
  status?: number;
  /** Only requests whose query has these parameters with these values (e.g. `{ "page[number]": "2" }`). */
  query?: Record<string, string>;
}

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${simUrl()}/__sim${path}`, {
    method,
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} /__sim${path} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

/** Restores the seeded data (and drops faults and counters, as the simulator defines reset). */
export async function resetSim(options: ResetOptions = {}): Promise<void> {
  await control("POST", "/reset", options);
}

export async function injectFault(fault: Fault): Promise<void> {
  await control("POST", "/faults", fault);
}

export async function clearFaults(): Promise<void> {
  await control("DELETE", "/faults");
}

/** Calls received per operationId since the last reset of the counters. */
export async function requestCounts(): Promise<Record<string, number>> {
  const response = await control("GET", "/requests");
  const body = (await response.json()) as Record<string, number> | { counts: Record<string, number> };
  // Tolerates the counts arriving bare or wrapped, so the helper does not break on an envelope change.
  return "counts" in body && typeof body.counts === "object" ? body.counts : (body as Record<string, number>);
}

export async function resetRequestCounts(): Promise<void> {
  await control("POST", "/requests/reset");
}
