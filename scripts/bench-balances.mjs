// `npm run bench:balances`: one balance refresh of every account against the simulator's enforced rate
// limit, with a person reading the accounts list once a second meanwhile. Not a test: it prints figures.
//   duration     the refresh's run time against (accounts + list pages) ÷ SUBDESK_BALANCE_MAX_RPS, the pace
//                it is allowed (it takes a share of Telnyx's budget, not all of it)
//   exactly once every account not cancelled read once (the simulator's RetrieveManagedAccount count)
//   list p95     the accounts list during the refresh (it reads stored balances, never Telnyx's per account)
// Set-up as bench:bulk: the simulator in its own process, the console in live mode pointed at it, on PGlite.
// Options: --accounts N (default 1000), --rps N (SIM_RATE_LIMIT_RPS, default 20), --balance-rps N
// (SUBDESK_BALANCE_MAX_RPS, default 5), --skip-build. Ports: TEST_PORT / TEST_SIM_PORT; build: NEXT_DIST_DIR.
import path from "node:path";
import { percentile } from "./bench/http.mjs";
import { ensureBuilt, fleetSimulator, printLoad, sleep, startSeparate } from "./lib/bench.mjs";
import { ROOT } from "./lib/paths.mjs";
import { assertPortsFree, testServerAddress } from "./lib/test-server.mjs";

const TARGET_LIST_P95_MS = 1_000;

function parseOptions(argv) {
  const options = { accounts: 1_000, rps: 20, balanceRps: 5, skipBuild: false };
  const names = { "--accounts": "accounts", "--rps": "rps", "--balance-rps": "balanceRps" };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split("=");
    if (name === "--skip-build") options.skipBuild = true;
    else if (names[name]) options[names[name]] = Number(inline ?? argv[++index]);
    else
      throw new Error(`Unknown option ${argv[index]}: use --accounts, --rps, --balance-rps, --skip-build.`);
  }
  for (const key of ["accounts", "rps", "balanceRps"]) {
    if (!Number.isSafeInteger(options[key]) || options[key] < 1 || options[key] > 10_000)
      throw new Error(`${key}: a whole number from 1 to 10000`);
  }
  return options;
}

async function run(setup) {
  const accounts = (await setup.sim("GET", "/state/accounts")).data;
  const readable = accounts.filter((account) => account.status !== "cancelled").length;
  await setup.sim("POST", "/requests/reset");
  const { data: started } = await setup.api("POST", "/api/balances/refresh", {});
  const startedAt = performance.now();
  const listMs = [];
  let isRunning = true;
  const person = (async () => {
    while (isRunning) {
      const at = performance.now();
      try {
        await setup.api("GET", "/api/managed-accounts?pageSize=25");
        listMs.push(performance.now() - at);
      } catch {
        // An error is not a list time.
      }
      await sleep(Math.max(0, 1_000 - (performance.now() - at)));
    }
  })();
  let refresh = started;
  while (["queued", "running"].includes(refresh.status)) {
    await sleep(250);
    refresh = (await setup.api("GET", "/api/balances/refresh")).data;
  }
  const wallMs = performance.now() - startedAt;
  isRunning = false;
  await person;
  const counts = await setup.sim("GET", "/requests");
  const { data: limit } = await setup.sim("GET", "/rate-limit");
  return { refresh, readable, wallMs, counts, refused: limit.refused, listMs };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt(options.skipBuild);
  await assertPortsFree();
  printLoad();
  console.log(
    `[bench] balance refresh of ${options.accounts} accounts at SIM_RATE_LIMIT_RPS=${options.rps}, SUBDESK_BALANCE_MAX_RPS=${options.balanceRps}, ports ${JSON.stringify(testServerAddress())}`,
  );
  const setup = await startSeparate({
    name: "bench-balances",
    ...fleetSimulator({ accounts: options.accounts, rps: options.rps }),
    serverEnv: {
      SUBDESK_BALANCE_MAX_RPS: String(options.balanceRps),
      // Only the refresh this bench starts: no scheduled one at start-up.
      SUBDESK_BALANCE_REFRESH_MINUTES: "0",
    },
  });
  try {
    const result = await run(setup);
    const { refresh } = result;
    const pages = Math.ceil(options.accounts / 250);
    const floorMs = ((result.readable + pages) / options.balanceRps) * 1000;
    const reads = result.counts.RetrieveManagedAccount ?? 0;
    const p95 = percentile(result.listMs, 0.95);
    const mark = (ok) => (ok ? "ok" : "MISSED");
    console.log(
      `  refresh             ${refresh.status}: ${refresh.done} of ${refresh.total} read, ${refresh.failed} failed`,
    );
    console.log(
      `  duration            ${(result.wallMs / 1000).toFixed(1)} s; its pace allows ${(floorMs / 1000).toFixed(1)} s → ${(result.wallMs / floorMs).toFixed(2)}×`,
    );
    console.log(
      `  exactly once        RetrieveManagedAccount ${reads} for ${result.readable} accounts: ${mark(reads === result.readable)}`,
    );
    console.log(
      `  accounts list p95   ${Math.round(p95)} ms over ${result.listMs.length} reads (target < ${TARGET_LIST_P95_MS} ms: ${mark(p95 < TARGET_LIST_P95_MS)})`,
    );
    const asked = Object.entries(result.counts)
      .filter(([, count]) => count > 0)
      .map(([operation, count]) => `${operation} ${count}`)
      .join(", ");
    console.log(`  Telnyx requests     ${asked}; refused by the rate limit ${result.refused}`);
    console.log(`  server log          ${path.relative(ROOT, setup.paths.serverLog)}`);
    printLoad();
    process.exitCode =
      refresh.status === "succeeded" && reads === result.readable && p95 < TARGET_LIST_P95_MS ? 0 : 1;
  } finally {
    await setup.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
