// The reference beside the console in `npm run bench`: plain-next/, a bare Next.js app that lists accounts
// through the SDK (direct.mjs) twice, as an App Router route handler (the console's kind) and as a Pages
// Router API route, built and started with Next's defaults. What the console adds over the first is ours;
// what that adds over the SDK direct is Next's.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { spawnLogged, waitForUrl } from "../lib/bench.mjs";
import { newestMtime } from "../lib/build.mjs";
import { NEXT_BIN, ROOT } from "../lib/paths.mjs";
import { isPortTaken, scrubbedEnv } from "../lib/test-server.mjs";

const APP_DIR = path.join(ROOT, "scripts", "bench", "plain-next");
const DIRECT_FILE = path.join(ROOT, "scripts", "bench", "direct.mjs");
export const PLAIN_LIST_ROUTE = "/api/managed-accounts";
export const PLAIN_PAGES_LIST_ROUTE = "/api/pages-router/managed-accounts";

/** Builds the plain app when it has no build or one older than its sources (its app/, pages/, config and instrumentation; direct.mjs). */
function ensurePlainBuilt() {
  const buildId = path.join(APP_DIR, ".next", "BUILD_ID");
  if (existsSync(buildId)) {
    const built = statSync(buildId).mtimeMs;
    const sources = Math.max(
      ...["app", "pages"].map((dir) => newestMtime(path.join(APP_DIR, dir))),
      ...["next.config.mjs", "instrumentation.js"].map((name) => statSync(path.join(APP_DIR, name)).mtimeMs),
      statSync(DIRECT_FILE).mtimeMs,
    );
    if (built >= sources) return;
  }
  console.log("[bench] next build scripts/bench/plain-next (the reference app)");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: APP_DIR,
    env: scrubbedEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error("next build of scripts/bench/plain-next failed");
}

/** `next start` of the plain app on 127.0.0.1:`port`, proxying to the simulator; `stop()` ends it. */
export async function startPlainNext({ port, simUrl, simKey, logFile }) {
  // Else the figures could be some other server's, answering on that port.
  if (await isPortTaken(port)) throw new Error(`Port ${port} (TEST_PORT + 2, the bare app's) is in use.`);
  ensurePlainBuilt();
  const child = spawnLogged(
    process.execPath,
    [NEXT_BIN, "start", APP_DIR, "-H", "127.0.0.1", "-p", String(port)],
    {
      env: { ...scrubbedEnv(), NODE_ENV: "production", TELNYX_API_KEY: simKey, TELNYX_BASE_URL: simUrl },
      logFile,
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForUrl(`${baseUrl}${PLAIN_LIST_ROUTE}`, child);
  return {
    pid: child.pid,
    baseUrl,
    stop: async () => {
      process.kill(-child.pid, "SIGKILL");
      await child.exited;
    },
  };
}
