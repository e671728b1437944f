// `npm run bench:bulk`: a bulk disable of every account against the simulator's enforced rate limit. Not a
// test: it prints figures against the targets and exits 1 when one is missed.
//   time         the job's run time against accounts ÷ SIM_RATE_LIMIT_RPS (goal ≤ 1.1×: 55 s for 1,000 at 20)
//   exactly once 0 lost (every item has an outcome, every account that can be disabled is) and 0 duplicated
//                (the simulator counted exactly one DisableManagedAccount per account); the seed's cancelled
//                and blocked accounts are refused by Telnyx and must show as exactly that many failed items
//   list p95     the accounts list, asked once a second by a person while the job runs (goal < 1 s)
// then the same with the console killed (kill -9) about half way and started again on the same data.
// Set-up: the simulator in its own process (it outlives the kill) and the console in live mode pointed at
// it, on PGlite. Options: --accounts N (default 1000), --rps N (default 20), --no-reader (no list reads during
// the job: the job's pace alone), --skip-build.
// Ports: TEST_PORT / TEST_SIM_PORT; build dir: NEXT_DIST_DIR.
import path from "node:path";
import { percentile } from "./bench/http.mjs";
import { ensureBuilt, fleetSimulator, sleep, startSeparate } from "./lib/bench.mjs";
import { ROOT } from "./lib/paths.mjs";
import { assertPortsFree, testServerAddress } from "./lib/test-server.mjs";

const TARGET_RATIO = 1.1;
const TARGET_LIST_P95_MS = 1_000;

function parseOptions(argv) {
  const options = { accounts: 1_000, rps: 20, skipBuild: false, reader: true };
  for (let index = 0; index < argv.length; index += 1) {
    const [name, inline] = argv[index].split("=");
    if (name === "--accounts") options.accounts = Number(inline ?? argv[++index]);
    else if (name === "--rps") options.rps = Number(inline ?? argv[++index]);
    else if (name === "--skip-build") options.skipBuild = true;
    else if (name === "--no-reader") options.reader = false;
    else throw new Error(`Unknown option ${argv[index]}: use --accounts, --rps, --no-reader, --skip-build.`);
  }
  if (!Number.isSafeInteger(options.accounts) || options.accounts < 1 || options.accounts > 10_000)
    throw new Error("--accounts: a whole number from 1 to 10000");
  if (!Number.isSafeInteger(options.rps) || options.rps < 2 || options.rps > 1_000)
    throw new Error("--rps: a whole number from 2 to 1000");
  return options;
}

function setUp(options) {
  return startSeparate({
    name: "bench-bulk",
    ...fleetSimulator({ accounts: options.accounts, rps: options.rps }),
    serverEnv: {
      // The job's ceiling: what Telnyx allows less a little for the people using the console meanwhile.
      SUBDESK_BULK_MAX_RPS: String(Math.max(1, options.rps - 1)),
      // The scheduled balance walk shares Telnyx's window with bulk jobs (at SUBDESK_BALANCE_MAX_RPS); this
      // measures the job alone, as bench:balances measures the walk alone.
      SUBDESK_BALANCE_REFRESH_MINUTES: "0",
    },
  });
}

/** One bulk disable of every account; with killAt, the console is killed once that many are done. */
async function runOnce(setup, options, { killAt } = {}) {
  await setup.sim("POST", "/reset", { accounts: options.accounts });
  const accounts = (await setup.sim("GET", "/state/accounts")).data;
  await setup.sim("POST", "/requests/reset");
  await setup.sim("POST", "/rate-limit", { rps: options.rps });
  const ids = accounts.map((account) => account.id);
  // Telnyx refuses to disable a cancelled or blocked account: those items fail, and that is the truth.
  const refusable = accounts.filter((account) => ["cancelled", "blocked"].includes(account.status)).length;
  const { data: job } = await setup.api("POST", "/api/jobs", {
    action: "account.disable",
    target: { ids },
    reason: "bench:bulk",
    confirm: `disable ${ids.length}`,
  });
  const startedAt = performance.now();
  const listMs = [];
  let isRunning = true;
  let wasKilled = false;
  let downMs = 0;
  // A person using the console meanwhile: the accounts list once a second.
  const person = (async () => {
    while (isRunning && options.reader) {
      const at = performance.now();
      try {
        await setup.api("GET", "/api/managed-accounts?pageSize=25");
        listMs.push(performance.now() - at);
      } catch {
        // The console is down (killed) or answered an error: not a list time.
      }
      await sleep(Math.max(0, 1_000 - (performance.now() - at)));
    }
  })();
  let current = job;
  while (!["succeeded", "partial", "failed", "cancelled"].includes(current.status)) {
    await sleep(250);
    if (killAt !== undefined && !wasKilled && current.done >= killAt) {
      wasKilled = true;
      const killedAt = performance.now();
      await setup.killConsole();
      console.log(`[bench]   kill -9 at ${current.done} done`);
      await setup.startConsole();
      downMs = performance.now() - killedAt;
      console.log(`[bench]   restarted in ${(downMs / 1000).toFixed(1)} s`);
    }
    current = (await setup.api("GET", `/api/jobs/${job.id}`)).data;
  }
  const wallMs = performance.now() - startedAt;
  isRunning = false;
  await person;
  const counts = await setup.sim("GET", "/requests");
  const { data: limit } = await setup.sim("GET", "/rate-limit");
  const after = (await setup.sim("GET", "/state/accounts")).data;
  return {
    job: current,
    refusable,
    wallMs,
    downMs,
    disableCalls: counts.DisableManagedAccount ?? 0,
    // Everything the console asked Telnyx for, and what the rate limit refused: where the window went.
    requests: Object.entries(counts).filter(([, count]) => count > 0),
    refused: limit.refused,
    disabled: after.filter((account) => account.status === "disabled").length,
    listP95: percentile(listMs, 0.95),
    listCount: listMs.length,
  };
}

function report(title, result, options) {
  const floorMs = (options.accounts / options.rps) * 1000;
  // With a kill, the time the console was down (restart included) is not the job's pace.
  const ratio = (result.wallMs - result.downMs) / floorMs;
  const { job } = result;
  // Lost: an item with no outcome, or a disable-able account left enabled.
  const lost =
    job.total -
    (job.done + job.failed + job.skipped + job.cancelled) +
    (options.accounts - result.refusable - result.disabled);
  // Cancelled accounts are skipped without a request (Telnyx changes nothing on them): every other one
  // gets exactly one disable.
  const duplicated = result.disableCalls - (options.accounts - job.skipped);
  const mark = (ok) => (ok ? "ok" : "MISSED");
  const isTimeOk = ratio <= TARGET_RATIO;
  const isOnce = lost === 0 && duplicated === 0 && job.failed + job.skipped === result.refusable;
  const isListOk = result.listP95 < TARGET_LIST_P95_MS;
  console.log(`[bench] ${title}`);
  console.log(
    `  job                 ${job.status}: ${job.done} done, ${job.failed} failed, ${job.skipped} skipped (Telnyx refuses ${result.refusable} cancelled or blocked accounts)`,
  );
  console.log(
    `  time                ${(result.wallMs / 1000).toFixed(1)} s${result.downMs ? ` (${(result.downMs / 1000).toFixed(1)} s of it down)` : ""}; floor ${(floorMs / 1000).toFixed(1)} s → ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${mark(isTimeOk)})`,
  );
  console.log(
    `  exactly once        lost ${lost}, duplicated ${duplicated} (DisableManagedAccount ${result.disableCalls}, disabled ${result.disabled}): ${mark(isOnce)}`,
  );
  console.log(
    `  accounts list p95   ${Math.round(result.listP95)} ms over ${result.listCount} reads (target < ${TARGET_LIST_P95_MS} ms: ${mark(isListOk)})`,
  );
  const asked = result.requests.map(([operation, count]) => `${operation} ${count}`).join(", ");
  console.log(`  Telnyx requests     ${asked}; refused by the rate limit ${result.refused}`);
  return isTimeOk && isOnce && isListOk;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  ensureBuilt(options.skipBuild);
  await assertPortsFree();
  console.log(
    `[bench] bulk disable of ${options.accounts} accounts at SIM_RATE_LIMIT_RPS=${options.rps}, ports ${JSON.stringify(testServerAddress())}`,
  );
  const setup = await setUp(options);
  try {
    const plain = report("uninterrupted", await runOnce(setup, options), options);
    const killed = report(
      "killed (kill -9) half way and restarted",
      await runOnce(setup, options, { killAt: Math.floor(options.accounts / 2) }),
      options,
    );
    console.log(`  server log          ${path.relative(ROOT, setup.paths.serverLog)}`);
    process.exitCode = plain && killed ? 0 : 1;
  } finally {
    await setup.stop();
  }
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
