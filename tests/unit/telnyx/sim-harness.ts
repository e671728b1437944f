// Starts the real simulator in-process and points lib/telnyx at it, the way the app does in embedded mode.
import { randomBytes } from "node:crypto";
import { isAppError, type AppError } from "@/lib/api/errors";
import { startSimulator, type Simulator } from "@/lib/sim";
import { configureUpstreamForTests, stopUpstream } from "@/lib/telnyx/upstream";

export interface TestSim {
  simulator: Simulator;
  apiKey: string;
  /** http://127.0.0.1:PORT, where the /__sim control surface lives. */
  origin: string;
  /** Re-points lib/telnyx at this simulator with other limits (or another key). */
  configure(options?: { timeoutMs?: number; maxRetries?: number; apiKey?: string }): void;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  counts(): Promise<Record<string, number>>;
  /** Raw Telnyx-wire GET with the sim's key, to compare our DTOs with what the SDK received. */
  rawGet<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function startTestSim(seed: { accounts?: number; users?: number } = {}): Promise<TestSim> {
  const apiKey = `KEYTEST${randomBytes(12).toString("hex")}`;
  const simulator = await startSimulator({ apiKey, port: 0, host: "127.0.0.1", control: true, ...seed });
  const origin = simulator.url.replace(/\/v2$/, "");
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}/__sim${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} /__sim${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const sim: TestSim = {
    simulator,
    apiKey,
    origin,
    configure(options = {}) {
      configureUpstreamForTests({
        baseURL: simulator.url,
        apiKey: options.apiKey ?? apiKey,
        timeoutMs: options.timeoutMs ?? 5_000,
        maxRetries: options.maxRetries ?? 2,
      });
    },
    control,
    counts: () => control<Record<string, number>>("GET", "/requests"),
    async rawGet<T>(path: string) {
      const response = await fetch(`${simulator.url}${path}`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      return (await response.json()) as T;
    },
    async close() {
      await stopUpstream();
      await simulator.close();
    },
  };
  sim.configure();
  return sim;
}

/** The AppError a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw new Error(`Expected an AppError, got: ${String(error)}`, { cause: error });
  }
  throw new Error("Expected a rejection, but the call succeeded");
}
