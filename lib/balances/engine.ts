// Balance refreshes on the job engine's pg-boss. pg-boss is the wake-up and the schedule; which refresh
// runs, and who drives it, live in balance_refreshes (one active refresh by a partial unique index, one
// driver by its lease), because a refresh outlives a delivery and a dead instance's refresh must be taken
// over. The schedule is a throttled send: every instance offers a "scheduled" job each minute with
// singletonSeconds = the interval, and pg-boss keeps one per interval across all of them.
import "server-only";
import { randomUUID } from "node:crypto";
import { openDatabase } from "@/lib/db/client";
import {
  createRefresh,
  orphanedRefreshIds,
  releaseRefreshLeases,
  type BalanceRefreshRow,
} from "@/lib/db/balance-refreshes";
import { startJobEngine } from "@/lib/jobs/boss";
import { log } from "@/lib/log";
import { refreshMinutes } from "./config";
import { driveRefresh } from "./refresh";

export const BALANCE_QUEUE = "subdesk-balance-refresh";
// How often each instance offers the schedule and looks for a refresh nobody drives (tests: shorter).
const TICK_MS = Number(process.env.SUBDESK_BALANCE_TICK_MS ?? 60_000);
const STATE_KEY = Symbol.for("subdesk.balanceRefreshes");

type Wake = { kind: "scheduled" } | { kind: "drive"; refreshId: string };
type Boss = Awaited<ReturnType<typeof startJobEngine>>["boss"];

interface State {
  boss: Boss;
  instanceId: string;
  stop: AbortController;
  ticker: NodeJS.Timeout;
  drives: Set<Promise<void>>;
}

type Registry = typeof globalThis & { [STATE_KEY]?: Promise<State> };
const registry = globalThis as Registry;

/** Registers the queue and its worker on the job engine, once per process (from lib/startup.ts). */
export function startBalanceRefreshes(): Promise<State> {
  registry[STATE_KEY] ??= start();
  return registry[STATE_KEY];
}

async function start(): Promise<State> {
  const handle = await openDatabase();
  const { boss } = await startJobEngine();
  await handle.serializeStartup(() =>
    boss.createQueue(BALANCE_QUEUE, { name: BALANCE_QUEUE, expireInSeconds: 60, retryLimit: 3 }),
  );
  if (handle.driver === "pglite") await releaseRefreshLeases();
  const state: State = {
    boss,
    instanceId: randomUUID().slice(0, 8),
    stop: new AbortController(),
    ticker: setInterval(() => void tick(state), TICK_MS),
    drives: new Set(),
  };
  state.ticker.unref();
  await boss.work<Wake>(BALANCE_QUEUE, { pollingIntervalSeconds: 1 }, async ([delivery]) => {
    if (!delivery) return;
    const wake = delivery.data;
    const refreshId = wake.kind === "drive" ? wake.refreshId : (await createRefresh(null)).refresh.id;
    // Driven in the background: the delivery only wakes a driver, the lease says who drives.
    const drive = driveRefresh(refreshId, `${state.instanceId}:${delivery.id}`, state.stop.signal).catch(
      (error: unknown) => log.error("balance.drive_failed", { refreshId, detail: String(error) }),
    );
    state.drives.add(drive);
    void drive.finally(() => state.drives.delete(drive));
  });
  await tick(state);
  return state;
}

/** Offers the scheduled refresh, and wakes a driver for any refresh nobody drives (its driver died). */
async function tick(state: State): Promise<void> {
  try {
    const minutes = refreshMinutes();
    if (minutes > 0) {
      await state.boss.send(
        BALANCE_QUEUE,
        { kind: "scheduled" },
        { singletonSeconds: Math.round(minutes * 60), singletonKey: "scheduled" },
      );
    }
    for (const refreshId of await orphanedRefreshIds()) await wake(state.boss, refreshId);
  } catch (error) {
    log.warn("balance.tick_failed", { detail: String(error) });
  }
}

// Wake-ups of one refresh from several instances' ticks within a few seconds make one delivery (a second
// would only find the lease taken); short, so a refresh whose driver died is woken again soon.
const WAKE_DEDUPE_SECONDS = 5;

async function wake(boss: Boss, refreshId: string): Promise<void> {
  await boss.send(
    BALANCE_QUEUE,
    { kind: "drive", refreshId },
    { singletonSeconds: WAKE_DEDUPE_SECONDS, singletonKey: refreshId },
  );
}

/** An admin's "refresh now": the refresh (new, or the one already running) with a driver woken for it. */
export async function requestRefresh(
  staffId: string,
): Promise<{ refresh: BalanceRefreshRow; created: boolean }> {
  const state = await startBalanceRefreshes();
  const result = await createRefresh(staffId);
  if (result.created) await wake(state.boss, result.refresh.id);
  return result;
}

/** On shutdown: drivers stop after the reads in flight; the next driver resumes their refresh. */
export async function stopBalanceRefreshes(): Promise<void> {
  const pending = registry[STATE_KEY];
  if (!pending) return;
  delete registry[STATE_KEY];
  const state = await pending.catch(() => null);
  if (!state) return;
  clearInterval(state.ticker);
  state.stop.abort(new Error("shutting down"));
  await Promise.allSettled([...state.drives]);
}
