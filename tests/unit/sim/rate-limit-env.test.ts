// SIM_RATE_LIMIT_RPS switches the enforced limit on for `npm run sim` and for the console's embedded simulator.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { startUpstream, stopUpstream } from "@/lib/telnyx/upstream";

const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await stopUpstream();
});

async function rateLimitAt(origin: string) {
  const response = await fetch(`${origin}/__sim/rate-limit`);
  return ((await response.json()) as { data: { rps: number | null } }).data.rps;
}

describe("SIM_RATE_LIMIT_RPS", () => {
  it("enforces the limit in the embedded simulator, and leaves it off when unset", async () => {
    delete process.env.TELNYX_API_KEY;
    Object.assign(process.env, {
      SIM_CONTROL: "1",
      SIM_PORT: "0",
      SIM_SEED_ACCOUNTS: "2",
      SIM_SEED_USERS: "1",
    });
    process.env.SIM_RATE_LIMIT_RPS = "7";
    await stopUpstream();
    const limited = await startUpstream();
    expect(await rateLimitAt(limited.baseURL.replace(/\/v2$/, ""))).toBe(7);

    delete process.env.SIM_RATE_LIMIT_RPS;
    await stopUpstream();
    const open = await startUpstream();
    expect(await rateLimitAt(open.baseURL.replace(/\/v2$/, ""))).toBeNull();
  });

  it("enforces the limit in `npm run sim`, and refuses a value that is not a whole number", async () => {
    const env = {
      ...process.env,
      SIM_PORT: "0",
      SIM_CONTROL: "1",
      SIM_SEED_ACCOUNTS: "2",
      SIM_SEED_USERS: "1",
    };
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/sim/main.ts"], {
      env: { ...env, SIM_RATE_LIMIT_RPS: "9" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening at (http:\/\/\S+)\/v2/.exec(output);
          // The key is printed last: by then every start-up line is in.
          if (match?.[1] && output.includes("API key:")) resolve(match[1]);
        });
        child.once("exit", () => reject(new Error(`the simulator exited: ${output}`)));
      });
      expect(output).toMatch(/Rate limit enforced: 9 requests a second per key/);
      expect(await rateLimitAt(url)).toBe(9);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }

    const bad = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "lib/sim/main.ts"], {
      env: { ...env, SIM_RATE_LIMIT_RPS: "fast" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    bad.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = (await once(bad, "exit")) as [number];
    expect(code).toBe(1);
    expect(errors).toMatch(/SIM_RATE_LIMIT_RPS must be a whole number/);
  });
});
