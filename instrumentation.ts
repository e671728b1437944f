// Runs once when the server starts: the database and the upstream are opened here, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this too while it prerenders; a build must not open the database or the simulator.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Before anything else: route handlers learn the client's address only from this stamp.
  const { stampPeerAddresses } = await import("./lib/auth/client-address");
  stampPeerAddresses();
  // API reads their route takes skip proxy.ts from here on (lib/api/allowed-methods.ts).
  const { publishApiMethodGate } = await import("./lib/api/allowed-methods");
  publishApiMethodGate();
  // Before start-up allocates: the heap grows with what is live rather than for throughput (lib/memory.ts).
  const { keepHeapNearLiveSize } = await import("./lib/memory");
  keepHeapNearLiveSize();
  // A start that fails logs what and why, then exits non-zero rather than serve 500s (lib/startup.ts).
  const { startConsoleOrExit } = await import("./lib/startup");
  await startConsoleOrExit();
}
