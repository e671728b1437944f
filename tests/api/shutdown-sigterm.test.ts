import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditRowsOfRequest, listAuditRows, sleep } from "../support/audit-rows";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";

// SIGTERM (a deploy, a scale-down) with a request in flight: the console stops accepting, lets the request
// finish and complete its audit row, closes the database and the embedded simulator, and exits 0. A restart
// on the same data directory then shows that row complete, not pending or "unknown".

const password = `shutdown-${randomUUID()}`;
const simPort = sparePort(1);
const simBase = `http://127.0.0.1:${simPort}`;
const dataDir = ownDataDir("shutdown");
let servers: OwnServer[] = [];
let reused: OwnServer | undefined;

function start(env: Record<string, string> = {}): Promise<OwnServer> {
  return startOwnServer({
    port: sparePort(0),
    dataDir,
    logFile: path.join(dataDir, "server.log"),
    env: { ...cleanEnv(), SIM_PORT: String(simPort), SIM_CONTROL: "1", DEMO_PASSWORD: password, ...env },
  }).then((server) => {
    servers.push(server);
    return server;
  });
}

afterAll(async () => {
  await Promise.all(servers.map((server) => stopOwnServer(server, "SIGKILL")));
  servers = [];
});

describe("SIGTERM with a request in flight", () => {
  it("answers it, completes its audit row, refuses new connections and exits 0", async () => {
    const server = await start();
    const admin = await signInAs(server.client(), "admin@subdesk.test", password);
    const accounts = (await (await fetch(`${simBase}/__sim/state/accounts`)).json()) as {
      data: { id: string; status: string }[];
    };
    const account = accounts.data.find((candidate) => candidate.status === "enabled")!;
    const fault = await fetch(`${simBase}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ operation: "DisableManagedAccount", kind: "latency", ms: 2_000, times: 1 }),
    });
    expect(fault.status).toBeLessThan(300);

    const inFlight = admin.post(`/api/managed-accounts/${account.id}/disable`, { reason: "shutdown test" });
    await sleep(600);
    const signalledAt = Date.now();
    // The main process only, as a container runtime or systemd sends it.
    process.kill(server.child.pid!, "SIGTERM");
    await sleep(300);
    // Stopped accepting: a new connection is refused while the old request is still being served.
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    const requestId = answer.headers.get("x-request-id")!;
    expect(await server.exitStatus).toEqual({ code: 0, signal: null });
    // Waited for the request (about 1.4 s of latency left), not for the 10 s limit.
    expect(Date.now() - signalledAt).toBeLessThan(8_000);
    expect(server.log()).toMatch(/"message":"stopped".*"drained":true/);

    // Restarted with a short drain limit: the next case reuses this server rather than start another.
    reused = await start({ SUBDESK_SHUTDOWN_TIMEOUT_MS: "1500" });
    const again = await signInAs(reused.client(), "admin@subdesk.test", password);
    const rows = await auditRowsOfRequest(again, requestId, { action: "account.disable" });
    expect(rows.map((row) => row.outcome)).toEqual(["success"]);
    expect(rows[0]!.completedAt).not.toBeNull();
  }, 120_000);

  it("does not wait past its limit for a request that hangs, and that row then reads unknown", async () => {
    const server = reused ?? (await start({ SUBDESK_SHUTDOWN_TIMEOUT_MS: "1500" }));
    const admin = await signInAs(server.client(), "admin@subdesk.test", password);
    const accounts = (await (await fetch(`${simBase}/__sim/state/accounts`)).json()) as {
      data: { id: string; status: string }[];
    };
    const account = accounts.data.find((candidate) => candidate.status === "enabled")!;
    await fetch(`${simBase}/__sim/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ operation: "EnableManagedAccount", kind: "hang" }),
    });
    const hanging = admin
      .post(`/api/managed-accounts/${account.id}/enable`, { reason: "shutdown limit test" })
      .then((response) => response.status)
      .catch(() => "connection closed");
    await sleep(600);
    const signalledAt = Date.now();
    process.kill(server.child.pid!, "SIGTERM");
    expect(await server.exitStatus).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(6_000);
    expect(await hanging).toBe("connection closed");
    expect(server.log()).toMatch(/"message":"stopped".*"drained":false/);

    // Its intent row was written and never completed: after a restart it says "unknown", not nothing.
    const restarted = await start();
    const again = await signInAs(restarted.client(), "admin@subdesk.test", password);
    const rows = await listAuditRows(again, { action: "account.enable", target: account.id });
    expect(rows.filter((row) => row.reason === "shutdown limit test").map((row) => row.outcome)).toEqual([
      "unknown",
    ]);
  }, 120_000);
});
