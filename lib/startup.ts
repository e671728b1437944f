import "server-only";
import { ensureBootstrapAdmin, ensureDemoStaff } from "@/lib/auth/demo-staff";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { openDatabase } from "@/lib/db/client";
import { log } from "@/lib/log";
import { resolveTelnyxMode } from "@/lib/telnyx/config";
import { startUpstream } from "@/lib/telnyx/upstream";

/** Called once from instrumentation.ts: everything the console needs before its first request. */
export async function startConsole(): Promise<void> {
  const mode = resolveTelnyxMode();
  resolveAuthSecret(mode);
  // Opening also marks intent rows a crashed process left behind as "unknown" (lib/db/client.ts).
  const database = await openDatabase();
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
