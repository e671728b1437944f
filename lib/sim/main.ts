// `npm run sim`: the simulator on its own, so live mode can point at it with TELNYX_BASE_URL.
import { randomBytes } from "node:crypto";

import { DEFAULT_ACCOUNTS, DEFAULT_USERS, startSimulator } from "./index";

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const port = readCount("SIM_PORT", 4010);
  const providedKey = process.env.SIM_API_KEY;
  const apiKey = providedKey || `KEY0SIM${randomBytes(16).toString("hex").toUpperCase()}`;
  const simulator = await startSimulator({
    apiKey,
    port,
    host: process.env.SIM_HOST || "127.0.0.1",
    control: process.env.SIM_CONTROL === "1",
    accounts: readCount("SIM_SEED_ACCOUNTS", DEFAULT_ACCOUNTS),
    users: readCount("SIM_SEED_USERS", DEFAULT_USERS),
    rateLimitRps: readCount("SIM_RATE_LIMIT_RPS", 0),
  });
  console.log(`Telnyx simulator listening at ${simulator.url}`);
  if (process.env.SIM_RATE_LIMIT_RPS)
    console.log(`Rate limit enforced: ${process.env.SIM_RATE_LIMIT_RPS} requests a second per key`);
  // Printed so it can be pasted into TELNYX_API_KEY; it only ever unlocks this local simulator.
  console.log(`API key: ${apiKey}`);
  if (process.env.SIM_CONTROL === "1")
    console.log(`Control surface at ${simulator.url.replace(/\/v2$/, "/__sim")}`);
  const stop = (signal: string) => {
    console.log(`${signal}: closing the simulator`);
    void simulator.close().then(() => process.exit(0));
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
