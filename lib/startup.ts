import "server-only";
import { ensureBootstrapAdmin, ensureDemoStaff } from "@/lib/auth/demo-staff";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { markStalePendingAsUnknown } from "@/lib/db/audit";
import { openDatabase } from "@/lib/db/client";
import { log } from "@/lib/log";
import { resolveTelnyxMode } from "@/lib/telnyx/config";
import { startUpstream } from "@/lib/telnyx/upstream";

// With PostgreSQL, other instances may be mid-call right now: only an intent row older than this belongs
// to a process that died. A PGlite directory belongs to this one process, so every intent row found at
// start was left by a process that is gone and is marked unknown at once (no knob: nothing to misuse).
const staleIntentMs = 2 * 60 * 1000;

/** Called once from instrumentation.ts: everything the console needs before its first request. */
export async function startConsole(): Promise<void> {
  const mode = resolveTelnyxMode();
  resolveAuthSecret(mode);
  const database = await openDatabase();
  await markStalePendingAsUnknown(database.driver === "pglite" ? 0 : staleIntentMs);
  const upstream = await startUpstream();
  log.info("subdesk started", { mode, upstream: upstream.baseURL, database: database.driver });

  if (mode === "embedded") {
    const credentials = await ensureDemoStaff();
    printDemoCredentials(credentials);
  } else {
    await ensureBootstrapAdmin();
  }
}

function printDemoCredentials(credentials: { email: string; role: string; password: string }[]) {
  const lines = credentials.map(
    (entry) => `  ${entry.role.padEnd(8)} ${entry.email.padEnd(24)} ${entry.password}`,
  );
  console.log(
    ["", "Subdesk embedded mode: demo staff (also in .data/demo-credentials.txt)", ...lines, ""].join("\n"),
  );
}
