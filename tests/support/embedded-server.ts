import path from "node:path";
import { demoPassword } from "./env";
import { cleanEnv, ownDataDir, sparePort, startOwnServer, type OwnServer } from "./own-server";

// An embedded-mode console of a test's own: its simulator (with the /__sim controls) and the demo staff,
// on spare ports n (the app) and n + 1 (the simulator), with whatever settings the test turns on.

export interface EmbeddedServer {
  server: OwnServer;
  /** The simulator's state as it holds it (never the console's view of it). */
  simState: <T>(what: "users" | "accounts") => Promise<T[]>;
}

export async function startEmbeddedServer(
  name: string,
  n: number,
  env: Record<string, string> = {},
): Promise<EmbeddedServer> {
  const dataDir = ownDataDir(name);
  const simPort = sparePort(n + 1);
  const server = await startOwnServer({
    port: sparePort(n),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: {
      ...cleanEnv(),
      SIM_PORT: String(simPort),
      SIM_CONTROL: "1",
      DEMO_PASSWORD: demoPassword(),
      ...env,
    },
  });
  return {
    server,
    simState: async <T>(what: "users" | "accounts") => {
      const response = await fetch(`http://127.0.0.1:${simPort}/__sim/state/${what}`);
      return ((await response.json()) as { data: T[] }).data;
    },
  };
}
