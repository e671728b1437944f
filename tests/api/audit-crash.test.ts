import { randomUUID } from "node:crypto";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { demoPassword, staffEmail } from "../support/env";
import { auditRowsOfRequest, listAuditRows, waitFor } from "../support/audit-rows";
import {
  cleanEnv,
  ownDataDir,
  signInAs,
  sparePort,
  startOwnServer,
  stopOwnServer,
  type OwnServer,
} from "../support/own-server";
import { simAccountStates } from "../support/security";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";

// A crash between an audit row's intent and its outcome must leave a row that says so, not nothing and
// not a false "success": (a) Telnyx hangs, (b) the server process is killed with kill -9.

describe("the simulator hangs on a disable", () => {
  it("answers upstream_timeout with an unknown outcome, and the row settles as a failure", async () => {
    await resetSim();
    const admin = await signIn("admin");
    const id = (await simAccountStates()).find((account) => account.status === "enabled")!.id;
    await injectFault({ operation: "DisableManagedAccount", kind: "hang", times: 5 });
    try {
      const startedAt = Date.now();
      const response = await admin.post(`/api/managed-accounts/${id}/disable`, { reason: "hang test" });
      const body = (await response.json()) as { error: { code: string; outcome?: string } };
      expect(response.status).toBe(504);
      expect(body.error).toMatchObject({ code: "upstream_timeout", outcome: "unknown" });
      // Two Telnyx budgets (at most 10 s each: the change, then the one repeat a lost answer earns) bound
      // the wait, retries and read-backs included.
      expect(Date.now() - startedAt).toBeLessThan(25_000);
      const requestId = response.headers.get("x-request-id")!;
      const [first] = await auditRowsOfRequest(admin, requestId, { action: "account.disable", target: id });
      expect(first).toMatchObject({ outcome: "unknown", completedAt: null, targetId: id });
      // The later read-backs (short on the test server) find the account still enabled: a failure.
      const settled = await waitFor(
        async () => {
          const [row] = await auditRowsOfRequest(admin, requestId, { action: "account.disable", target: id });
          return row?.completedAt ? row : undefined;
        },
        15_000,
        "the unknown row to settle",
      );
      expect(settled).toMatchObject({ outcome: "failure", errorCode: "upstream_timeout" });
      expect((await simAccountStates()).find((account) => account.id === id)!.status).toBe("enabled");
    } finally {
      await clearFaults();
    }
  }, 60_000);
});

describe("the server is killed between intent and outcome", () => {
  const dataDir = ownDataDir("audit-crash");
  const port = sparePort(2);
  const simPort = sparePort(3);
  let server: OwnServer | undefined;
  const start = async () =>
    startOwnServer({
      port,
      dataDir,
      logFile: path.join(dataDir, "server.log"),
      env: { ...cleanEnv(), SIM_PORT: String(simPort), SIM_CONTROL: "1", DEMO_PASSWORD: demoPassword() },
    });
  const simControl = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${simPort}/__sim${route}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${route} answered ${response.status}`);
    return (await response.json()) as { data: { id: string; status: string }[] };
  };

  afterAll(async () => {
    await stopOwnServer(server, "SIGKILL");
  });

  it("reads outcome unknown after a restart on the same data", async () => {
    server = await start();
    const actor = await signInAs(server.client(), staffEmail("admin"), demoPassword());
    const watcher: ApiClient = await signInAs(server.client(), staffEmail("support"), demoPassword());
    const account = (await simControl("GET", "/state/accounts")).data.find(
      (item) => item.status === "enabled",
    )!;
    await simControl("POST", "/faults", { operation: "DisableManagedAccount", kind: "hang", times: 5 });

    const requestId = `crash-${randomUUID()}`;
    const inFlight = actor
      .post(
        `/api/managed-accounts/${account.id}/disable`,
        { reason: "crash test" },
        {
          headers: { "x-request-id": requestId },
        },
      )
      .then((response) => response.status)
      .catch(() => "connection lost");

    // The intent row exists (read from a second session) while Telnyx has not answered.
    const pending = await waitFor(
      async () => (await auditRowsOfRequest(watcher, requestId, { action: "account.disable" }))[0],
      15_000,
      "the intent row",
    );
    expect(pending.outcome).toBe("pending");

    await stopOwnServer(server, "SIGKILL");
    expect(await inFlight).toBe("connection lost");
    server = await start();

    // The cookie outlives the restart (the secret and the session rows are on disk).
    const rows = await auditRowsOfRequest(watcher, requestId, { action: "account.disable" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      outcome: "unknown",
      targetId: account.id,
      actorEmail: staffEmail("admin"),
      actorRole: "admin",
      reason: "crash test",
    });
    expect(rows[0]!.completedAt).toBeNull();
    // Nothing else claims an outcome for that account.
    const all = await listAuditRows(watcher, { action: "account.disable", target: account.id });
    expect(all.map((row) => row.outcome)).toEqual(["unknown"]);
  }, 240_000);
});
