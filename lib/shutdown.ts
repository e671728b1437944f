// SIGTERM/SIGINT: stop accepting, let requests in flight finish (and complete their audit rows), then close
// the database and the embedded simulator and exit 0.
//
// `next start` has a handler of its own that waits without limit, never closes our resources and exits
// 143. NEXT_MANUAL_SIG_HANDLE=true (set by `npm start`) leaves the signals to us. Next does not hand its
// HTTP server to application code, so we find it among the process's handles by the port it listens on.
import "server-only";
import { Server } from "node:http";
import { stopLocalOidcProvider } from "@/lib/auth/oidc/start";
import { closeDatabase } from "@/lib/db/client";
import { stopJobEngine } from "@/lib/jobs/boss";
import { stopBalanceRefreshes } from "@/lib/balances/engine";
import { log } from "@/lib/log";
import { stopUpstream } from "@/lib/telnyx/upstream";

const DRAIN_LIMIT_MS = Number(process.env.SUBDESK_SHUTDOWN_TIMEOUT_MS ?? 10_000);
const INSTALLED = Symbol.for("subdesk.shutdown");

type Registry = typeof globalThis & { [INSTALLED]?: boolean };

export function installShutdown(): void {
  const registry = globalThis as Registry;
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  if (!process.env.NEXT_MANUAL_SIG_HANDLE) {
    // `next dev` restarts on its own terms; only a production start is worth the warning.
    if (process.env.NODE_ENV === "production") {
      log.warn("NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next exits without closing the database", {});
    }
    return;
  }
  let isStopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    void shutDown(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error("shutdown failed", { detail: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function shutDown(signal: NodeJS.Signals): Promise<void> {
  const startedAt = Date.now();
  const servers = consoleServers();
  log.info("shutting down", { signal, servers: servers.length, drainLimitMs: DRAIN_LIMIT_MS });
  const drained = await Promise.all(servers.map((server) => drain(server)));
  // The balance refresh stops after its reads in flight; its lease runs out and another driver resumes it.
  await stopBalanceRefreshes().catch((error: unknown) =>
    log.error("stopping the balance refresh failed", { detail: String(error) }),
  );
  // Bulk drivers finish the item in flight; pg-boss hands their jobs to another instance or the next start.
  await stopJobEngine().catch((error: unknown) =>
    log.error("stopping the job engine failed", { detail: String(error) }),
  );
  await stopLocalOidcProvider().catch((error: unknown) =>
    log.error("closing the local identity provider failed", { detail: String(error) }),
  );
  // The simulator and the database serve the requests that were in flight: they close last.
  await stopUpstream().catch((error: unknown) =>
    log.error("closing the simulator failed", { detail: String(error) }),
  );
  await closeDatabase().catch((error: unknown) =>
    log.error("closing the database failed", { detail: String(error) }),
  );
  log.info("stopped", { ms: Date.now() - startedAt, drained: drained.every(Boolean) });
}

/** The HTTP server(s) Next listens on; the embedded simulator's server has a port of its own. */
function consoleServers(): Server[] {
  const port = Number(process.env.PORT);
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle): handle is Server => {
    if (!(handle instanceof Server) || !handle.listening) return false;
    const address = handle.address();
    return typeof address === "object" && address !== null && address.port === port;
  });
}

/**
 * Stops accepting and waits for the requests in flight, up to the limit. Keep-alive connections that fall
 * idle are closed as they do, so a browser's open connection does not hold the process.
 */
function drain(server: Server): Promise<boolean> {
  return new Promise((resolve) => {
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const limit = setTimeout(() => {
      clearInterval(idleSweep);
      log.warn("requests still in flight at the shutdown limit; closing them", {});
      server.closeAllConnections();
      resolve(false);
    }, DRAIN_LIMIT_MS);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(limit);
      resolve(true);
    });
  });
}
