import "server-only";
import { ensureBootstrapAdmin, ensureDemoStaff } from "@/lib/auth/demo-staff";
import { dataDirectory, demoCredentialsFile } from "@/lib/auth/data-dir";
import { startSingleSignOn } from "@/lib/auth/oidc/start";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { openDatabase } from "@/lib/db/client";
import { databaseOptionsFromEnv, describeDatabase } from "@/lib/db/connection";
import { log } from "@/lib/log";
import { collectStartupGarbage } from "@/lib/memory";
import { startJobEngine } from "@/lib/jobs/boss";
import { startBalanceRefreshes } from "@/lib/balances/engine";
import { readWebhookConfig } from "@/lib/webhooks/config";
import { defaultThreshold } from "@/lib/balances/thresholds";
import { installShutdown } from "@/lib/shutdown";
import { resolveTelnyxMode } from "@/lib/telnyx/config";
import { startUpstream } from "@/lib/telnyx/upstream";

/** A start-up step that failed, named so the log says what to fix (which database, which file). */
class StartupError extends Error {
  constructor(
    readonly step: string,
    readonly target: string,
    cause: unknown,
  ) {
    super(`${step} failed: ${target}: ${causeChain(cause)}`, { cause });
    this.name = "StartupError";
  }
}

/**
 * Called once from instrumentation.ts. A console that cannot start must not keep answering 500 to
 * everything (Next would keep serving after a failed register()): it says what failed and exits non-zero,
 * so a supervisor restarts it and the person on call reads why.
 */
export async function startConsoleOrExit(): Promise<void> {
  try {
    await startConsole();
    installShutdown();
    // What start-up made and dropped (PGlite's initdb instances above all) is freed now, not at the first load.
    collectStartupGarbage();
  } catch (error) {
    log.error("subdesk could not start", {
      detail: error instanceof Error ? error.message : String(error),
      ...(error instanceof StartupError ? { step: error.step, target: error.target } : {}),
    });
    process.exit(1);
  }
}

/** Everything the console needs before its first request. */
export async function startConsole(): Promise<void> {
  const mode = resolveTelnyxMode();
  const where = describeDatabase(databaseOptionsFromEnv());
  await step("preparing the auth secret", mode === "live" ? "NEXTAUTH_SECRET" : dataDirectory(), () =>
    resolveAuthSecret(mode),
  );
  // Before anything opens: a half-set alert webhook (a URL without its secret) must stop the start, not
  // send unsigned alerts later.
  await step(
    "checking the balance alert settings",
    "SUBDESK_ALERT_WEBHOOK_* / SUBDESK_LOW_BALANCE_THRESHOLD",
    () => {
      readWebhookConfig();
      defaultThreshold();
    },
  );
  // Opening also marks intent rows a crashed process left behind as "unknown" (lib/db/client.ts).
  const database = await step("opening the database", where, () => openDatabase());
  const upstream = await step(
    "starting the Telnyx upstream",
    mode === "embedded" ? `simulator on port ${process.env.SIM_PORT || "(any)"}` : "TELNYX_BASE_URL",
    () => startUpstream(),
  );
  log.info("subdesk started", { mode, upstream: upstream.baseURL, database: where, driver: database.driver });

  if (mode === "embedded") {
    const credentials = await step("seeding the demo staff", where, () => ensureDemoStaff());
    printDemoCredentials(credentials);
  } else {
    await step("creating the bootstrap admin", where, () => ensureBootstrapAdmin());
  }
  // After the secret (NEXTAUTH_URL is known): OIDC_* checked, or embedded mode's own identity provider.
  const sso = await step(
    "starting single sign-on",
    process.env.OIDC_ISSUER
      ? "OIDC_ISSUER"
      : `local provider on port ${process.env.SUBDESK_OIDC_PORT || "(any)"}`,
    () => startSingleSignOn(mode === "embedded"),
  );
  if (sso) console.log(`${sso}\n`);
  // After the database: pg-boss keeps its queue in it, and resumes bulk jobs a stopped process left.
  await step("starting the job engine", where, () => startJobEngine());
  // On the job engine: the scheduled balance refresh, and any refresh a stopped process left.
  await step("starting the balance refreshes", where, () => startBalanceRefreshes());
}

async function step<T>(name: string, target: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new StartupError(name, target, error);
  }
}

/** The messages of an error and everything it wraps: PGlite's own message says little, its cause more. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof AggregateError && current.errors.length > 0) {
      parts.push(...current.errors.map((inner: unknown) => String((inner as Error)?.message ?? inner)));
      break;
    }
    const message = current instanceof Error ? current.message : String(current);
    const code = (current as { code?: unknown }).code;
    if (message && !parts.includes(message))
      parts.push(typeof code === "string" ? `${message} (${code})` : message);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(": ") || "unknown error";
}

function printDemoCredentials(credentials: { email: string; role: string; password: string }[]) {
  const lines = credentials.map(
    (entry) => `  ${entry.role.padEnd(8)} ${entry.email.padEnd(24)} ${entry.password}`,
  );
  console.log(
    [
      "",
      // Generated passwords are kept in DATA_DIR; with DEMO_PASSWORD set no file is written.
      `Subdesk embedded mode: demo staff${process.env.DEMO_PASSWORD ? "" : ` (also in ${demoCredentialsFile()})`}`,
      ...lines,
      "",
    ].join("\n"),
  );
}
