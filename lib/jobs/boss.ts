// The job engine: pg-boss over the console's own database (the app's PGlite instance, or its PostgreSQL
// pool), so a bulk job's wake-up call is stored where its items are. pg-boss only says "drive job X now";
// which items are left and the one-driver lease live in our tables (lib/db/jobs.ts).
//
// pg-boss 10.4.x: it declares Node >= 20 (this machine runs 20; 11+ needs 22) and takes a `db` with
// `executeSql`, which is how it runs on PGlite.
import "server-only";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { openDatabase } from "@/lib/db/client";
import { releaseAllLeases, unfinishedJobIds } from "@/lib/db/jobs";
import { log } from "@/lib/log";
import { createWebhookQueue, startWebhookWorkers } from "@/lib/webhooks/queue";
import { driveJob, type DriveResult } from "./driver";

export const JOB_QUEUE = "subdesk-bulk-jobs";
const ENGINE_KEY = Symbol.for("subdesk.jobEngine");

// A delivery works for at most one slice, then hands on to a fresh delivery: pg-boss's expiry can stay
// short (a killed instance's job comes back within it) whatever the length of the bulk job.
export const SLICE_MS = Number(process.env.SUBDESK_JOB_SLICE_MS ?? 20_000);
const EXPIRE_SECONDS = Math.max(30, Math.ceil((SLICE_MS * 3) / 1000));
// Several bulk jobs may run side by side; each has one driver.
const WORKERS = 3;

interface Engine {
  boss: PgBoss;
  instanceId: string;
  isStopping: boolean;
  workerIds: string[];
}

type Registry = typeof globalThis & { [ENGINE_KEY]?: Promise<Engine> };
const registry = globalThis as Registry;

/** Starts pg-boss and its workers once per process (from lib/startup.ts). */
export function startJobEngine(): Promise<Engine> {
  let pending = registry[ENGINE_KEY];
  if (!pending) {
    pending = createEngine();
    registry[ENGINE_KEY] = pending;
    pending.catch(() => {
      if (registry[ENGINE_KEY] === pending) delete registry[ENGINE_KEY];
    });
  }
  return pending;
}

async function createEngine(): Promise<Engine> {
  const handle = await openDatabase();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
    schema: "pgboss",
    // No cron schedules are used; supervision (expiry, retries, archiving) is.
    schedule: false,
    maintenanceIntervalSeconds: Number(process.env.SUBDESK_JOB_MAINTENANCE_SECONDS ?? 15),
  });
  boss.on("error", (error: Error) => log.error("job engine error", { detail: error.message }));
  // pg-boss creates its schema on first start; two instances starting together on an empty PostgreSQL
  // would race (a duplicate schema, a deadlock): one at a time, as for our own migrations.
  await handle.serializeStartup(async () => {
    await boss.start();
    await boss.createQueue(JOB_QUEUE, {
      name: JOB_QUEUE,
      expireInSeconds: EXPIRE_SECONDS,
      // A delivery that expired or failed comes back: the driver is idempotent, and it ends when the job does.
      retryLimit: 10_000,
      retryDelay: 1,
    });
    await createWebhookQueue(boss);
  });
  const engine: Engine = { boss, instanceId: randomUUID().slice(0, 8), isStopping: false, workerIds: [] };
  for (let index = 0; index < WORKERS; index++) {
    const workerId = await boss.work<{ jobId: string }>(
      JOB_QUEUE,
      { pollingIntervalSeconds: 1 },
      async ([delivery]) => {
        if (!delivery) return;
        const result = await driveJob(delivery.data.jobId, `${engine.instanceId}:${delivery.id}`, {
          sliceMs: SLICE_MS,
          isStopping: () => engine.isStopping,
        });
        await handOn(engine, delivery.data.jobId, result);
      },
    );
    engine.workerIds.push(workerId);
  }
  await startWebhookWorkers(boss);
  // Jobs this database says are unfinished get a fresh wake-up: their driver may have died with a process.
  if (handle.driver === "pglite") await releaseAllLeases();
  for (const jobId of await unfinishedJobIds()) await announce(engine, jobId);
  return engine;
}

async function handOn(engine: Engine, jobId: string, result: DriveResult): Promise<void> {
  if (result !== "continue") return;
  // Failing the delivery makes pg-boss hand it to another instance (or this one after a restart).
  if (engine.isStopping) throw new Error("This instance is shutting down; the job goes on elsewhere.");
  await announce(engine, jobId);
}

async function announce(engine: Engine, jobId: string): Promise<void> {
  await engine.boss.send(JOB_QUEUE, { jobId }, { expireInSeconds: EXPIRE_SECONDS });
  // This instance's workers fetch it now rather than at their next poll (up to a second later, at every
  // job's start and at every slice's hand-on: seconds of a thousand-item job). Other instances poll.
  if (!engine.isStopping) for (const workerId of engine.workerIds) engine.boss.notifyWorker(workerId);
}

/** Asks a driver to start on a job just written. */
export async function enqueueJob(jobId: string): Promise<void> {
  await announce(await startJobEngine(), jobId);
}

/** On shutdown: drivers stop after the item in flight; pg-boss hands their deliveries back. */
export async function stopJobEngine(): Promise<void> {
  const pending = registry[ENGINE_KEY];
  if (!pending) return;
  delete registry[ENGINE_KEY];
  const engine = await pending.catch(() => null);
  if (!engine) return;
  engine.isStopping = true;
  await engine.boss.stop({ graceful: true, close: false, timeout: 5_000, wait: true });
}
