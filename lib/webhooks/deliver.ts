// One attempt at one delivery: sign the stored body, POST it with a time limit, log the attempt, and say
// when to try again. Retries follow our own next_attempt_at (not pg-boss's retry counter), so the log, the
// schedule and the one-day limit live in one row that the delivery log page reads.
import "server-only";
import {
  claimDelivery,
  recordAttempt,
  type AttemptOutcome,
  type WebhookDeliveryRow,
} from "@/lib/db/webhook-deliveries";
import { log } from "@/lib/log";
import { webhookTiming, type WebhookConfig } from "./config";
import { SIGNATURE_HEADER, signWebhook } from "./sign";

// Checked at start-up (lib/startup.ts, through readWebhookConfig).
const timing = webhookTiming();
export const WEBHOOK_TIMEOUT_MS = timing.timeoutMs;
// 30 s, 1 min, 2 min … doubling up to an hour between attempts, for a day: about 30 attempts in all.
const RETRY_BASE_MS = timing.retryBaseMs;
const RETRY_MAX_MS = 60 * 60_000;
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;
// The claim outlasts the request's time limit, so no other worker takes the delivery while it is in flight.
const CLAIM_MS = WEBHOOK_TIMEOUT_MS + 20_000;

/** The wait before attempt `attempts + 1`, with up to 10% jitter so many failed deliveries do not stampede. */
export function retryDelayMs(attempts: number, random = Math.random()): number {
  const base = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
  return Math.round(base * (1 + random * 0.1));
}

/**
 * An attempt's error as the delivery log keeps it (admins read it): any URL in it cut to scheme and host,
 * since fetch's errors may quote the webhook URL whole, with the token in its path or query.
 */
export function attemptFailureMessage(error: unknown): string {
  const text = String((error as Error | undefined)?.cause ?? error);
  return text
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, (url) => {
      try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}/…`;
      } catch {
        return "(URL)";
      }
    })
    .slice(0, 300);
}

async function post(config: WebhookConfig, delivery: WebhookDeliveryRow) {
  const controller = new AbortController();
  // Not AbortSignal.timeout: it leaked memory per request on Node 20 here (STACK.md).
  const timer = setTimeout(() => controller.abort(), WEBHOOK_TIMEOUT_MS);
  const startedAt = Date.now();
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Subdesk-Webhooks/1",
        [SIGNATURE_HEADER]: signWebhook(config.secret, delivery.body),
      },
      body: delivery.body,
      signal: controller.signal,
      // A redirect is not a delivery; following one would send the signed body somewhere not configured.
      redirect: "manual",
      cache: "no-store",
    });
    await response.body?.cancel();
    const isOk = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, error: isOk ? null : `HTTP ${response.status}`, startedAt };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    const message = timedOut
      ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
      : attemptFailureMessage(error);
    return { statusCode: null, error: message, startedAt };
  } finally {
    clearTimeout(timer);
  }
}

/** Makes one attempt if the delivery is due; returns when to wake up again, or null when it is settled. */
export async function attemptDelivery(deliveryId: string, config: WebhookConfig): Promise<Date | null> {
  const delivery = await claimDelivery(deliveryId, CLAIM_MS);
  if (!delivery) return null;
  const { statusCode, error, startedAt } = await post(config, delivery);
  const now = Date.now();
  const retryAt = new Date(now + retryDelayMs(delivery.attempts + 1));
  const result: AttemptOutcome["result"] =
    error === null
      ? { status: "delivered" }
      : retryAt.getTime() - delivery.createdAt.getTime() > GIVE_UP_AFTER_MS
        ? { status: "failed" }
        : { status: "pending", retryAt };
  await recordAttempt(delivery, { statusCode, error, durationMs: now - startedAt, result });
  // The URL's host only: a URL may carry a token in its path or query.
  log.info("webhook attempt", {
    delivery: delivery.id,
    event: delivery.eventType,
    host: new URL(delivery.url).host,
    attempt: delivery.attempts + 1,
    statusCode,
    outcome: result.status,
  });
  return result.status === "pending" ? result.retryAt : null;
}
