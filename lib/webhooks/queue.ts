// The webhook queue on the console's one pg-boss engine (lib/jobs/boss.ts registers it). pg-boss carries
// wake-ups ("try delivery X now", or at its next_attempt_at via startAfter) and shares them across
// instances with SKIP LOCKED; the delivery row's claim makes each attempt happen once. A sweep every 30 s
// re-sends the wake-up of any pending delivery that is overdue (its process died between the commit and
// the send, or mid-attempt), so nothing waits on a wake-up that was lost.
import "server-only";
import type PgBoss from "pg-boss";
import { overdueDeliveryIds } from "@/lib/db/webhook-deliveries";
import { errorFields, log } from "@/lib/log";
import { readWebhookConfig } from "./config";
import { attemptDelivery } from "./deliver";

export const WEBHOOK_QUEUE = "subdesk-webhooks";
const BOSS_KEY = Symbol.for("subdesk.webhookBoss");
const WORKERS = 2;
const SWEEP_MS = Number(process.env.SUBDESK_WEBHOOK_SWEEP_MS ?? 30_000);

type Registry = typeof globalThis & { [BOSS_KEY]?: PgBoss };
const registry = globalThis as Registry;

/** Inside the engine's start-up lock: the queue's row is created once even when instances start together. */
export async function createWebhookQueue(boss: PgBoss): Promise<void> {
  // Each wake-up is one attempt; a failed attempt schedules its own next wake-up, so pg-boss retries only
  // a handler that threw (a database hiccup) and expires one whose instance died.
  await boss.createQueue(WEBHOOK_QUEUE, {
    name: WEBHOOK_QUEUE,
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 60,
  });
}

/** Starts the workers and the overdue sweep on this instance's engine. */
export async function startWebhookWorkers(boss: PgBoss): Promise<void> {
  registry[BOSS_KEY] = boss;
  for (let index = 0; index < WORKERS; index++) {
    await boss.work<{ deliveryId: string }>(WEBHOOK_QUEUE, { pollingIntervalSeconds: 1 }, async ([job]) => {
      if (!job) return;
      const config = readWebhookConfig();
      // Deliveries written while a URL was set wait, still pending, until one is set again.
      if (!config) return;
      const retryAt = await attemptDelivery(job.data.deliveryId, config);
      if (retryAt) await announceDelivery(job.data.deliveryId, retryAt);
    });
  }
  const sweep = () => {
    overdueDeliveryIds(new Date(Date.now() - SWEEP_MS))
      .then((ids) => Promise.all(ids.map((id) => announceDelivery(id))))
      .catch((error: unknown) => log.warn("webhook sweep failed", errorFields(error)));
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  boss.once("stopped", () => {
    clearInterval(timer);
    if (registry[BOSS_KEY] === boss) delete registry[BOSS_KEY];
  });
}

/** Wakes a worker for the delivery now, or at `at`. Without an engine (a script, a test) the sweep will. */
export async function announceDelivery(deliveryId: string, at?: Date): Promise<void> {
  const boss = registry[BOSS_KEY];
  if (!boss) return;
  await boss.send(WEBHOOK_QUEUE, { deliveryId }, at ? { startAfter: at } : {});
}
