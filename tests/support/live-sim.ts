import { startSimulator, type Simulator } from "@/lib/sim";

// A Telnyx simulator a test starts in-process for live-mode servers of its own (TELNYX_BASE_URL = url),
// with its /__sim control surface on so the test can inject faults and read the upstream's real state.
// tests/support/sim-control.ts drives the shared server's simulator; this one is the test's own.

export interface LiveSimulator extends Simulator {
  control<T = unknown>(method: string, route: string, body?: unknown): Promise<T>;
}

export async function startLiveSimulator(apiKey: string, sizes = { accounts: 20, users: 5 }) {
  const simulator = await startSimulator({ apiKey, port: 0, ...sizes, control: true });
  const controlBase = `${simulator.url.replace(/\/v2$/, "")}/__sim`;
  const live: LiveSimulator = {
    ...simulator,
    async control<T>(method: string, route: string, body?: unknown): Promise<T> {
      const response = await fetch(`${controlBase}${route}`, {
        method,
        headers: body === undefined ? undefined : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} /__sim${route} answered ${response.status}`);
      return (await response.json()) as T;
    },
  };
  return live;
}
