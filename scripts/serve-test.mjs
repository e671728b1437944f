// The app as the tests expect it, for Playwright's webServer when a developer runs `npx playwright test`
// alone (npm test starts its own). Playwright owns this process's lifetime, so the server stays in our
// process group (not detached) and goes down with it.
import { buildApp, staleBuildReason } from "./lib/build.mjs";
import { runPaths, runStamp, spawnTestServer } from "./lib/test-server.mjs";

const reason = staleBuildReason();
if (reason) {
  console.log(`[serve-test] next build (${reason})`);
  if (!buildApp()) process.exit(1);
}
const paths = runPaths(runStamp());
// The config hands us SERVER_LOG so the tests that scan the log read the file we write.
const server = spawnTestServer({
  dataDir: paths.dataDir,
  logFile: process.env.SERVER_LOG ?? paths.serverLog,
  detached: false,
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => server.kill(signal));
server.exited.then(({ code }) => process.exit(code ?? 0));
