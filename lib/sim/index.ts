import type { AddressInfo } from "node:net";

import { SimRuntime } from "./runtime";
import { createSimServer } from "./server";

export interface SimulatorOptions {
  /** Bearer key it accepts; anything else -> 401 code 10009. */
  apiKey: string;
  /** PRNG seed, default 42: same data every time. */
  seed?: number;
  /** Seeded managed accounts, default 320. */
  accounts?: number;
  /** Seeded org users, default 160. */
  users?: number;
  /** Enables the /__sim control surface (off unless true). */
  control?: boolean;
  /**
   * Enforced requests per second per API key (429 code 10011 with Retry-After over it); null, undefined or 0
   * leaves the advisory figures only. Switchable later through POST /__sim/rate-limit.
   */
  rateLimitRps?: number | null;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:4010/v2 */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_SEED = 42;
export const DEFAULT_ACCOUNTS = 320;
export const DEFAULT_USERS = 160;

/** Starts a Telnyx simulator on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startSimulator(
  options: SimulatorOptions & { port?: number; host?: string },
): Promise<Simulator> {
  if (!options.apiKey) throw new Error("startSimulator needs an apiKey");
  const runtime = new SimRuntime(
    options.apiKey,
    {
      seed: options.seed ?? DEFAULT_SEED,
      accounts: options.accounts ?? DEFAULT_ACCOUNTS,
      users: Math.max(1, options.users ?? DEFAULT_USERS),
    },
    options.rateLimitRps || null,
  );
  const { server, shutdown } = createSimServer(runtime, options.control === true);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${urlHost}:${port}/v2`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        shutdown();
      });
      return closing;
    },
  };
}
