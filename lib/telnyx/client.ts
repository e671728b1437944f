import "server-only";
import type { Telnyx } from "telnyx";
import { log } from "@/lib/log";
import { recordTelnyxAttemptFailure, recordTelnyxCall } from "@/lib/metrics/registry";
import { ambiguityOf, toAppError, upstreamTimeout, withAmbiguity, worseAmbiguity } from "./errors";
import { retryDelayMs, sleep } from "./retry";
import { sdkClient } from "./sdk";
import { upstreamSettings } from "./upstream";

/** Per-request options we hand the SDK; structurally a subset of its RequestOptions. */
export interface AttemptOptions {
  signal: AbortSignal;
  /** What is left of the operation's budget, so one attempt can never outlive it. */
  timeout: number;
}

export interface CallPolicy {
  /** Telnyx's name for the operation, for logs. */
  operation: string;
  /**
   * False for create (the SDK sends no idempotency key: a retry after a lost answer makes a second account)
   * and for remove (irreversible; a repeat after a lost answer would report a confusing 404).
   */
  isRetryable: boolean;
}

// Not worth starting another attempt with less time than this left.
const minAttemptMs = 250;

interface Deadline {
  controller: AbortController;
  endsAt: number;
  stop: () => void;
}

function startDeadline(ms: number): Deadline {
  // AbortController + setTimeout, not the AbortSignal timeout helper: that one leaked memory per request on
  // Node 20.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return { controller, endsAt: Date.now() + ms, stop: () => clearTimeout(timer) };
}

async function attemptUntilDeadline<T>(
  policy: CallPolicy,
  deadline: Deadline,
  maxRetries: number,
  run: (client: Telnyx, options: AttemptOptions) => PromiseLike<T>,
  client: Telnyx,
): Promise<T> {
  const { signal } = deadline.controller;
  // An earlier attempt may have reached Telnyx even when the last one was plainly refused (a 5xx, then a
  // 429): the caller must know the least certain of them all to decide whether to read the state back.
  let ambiguity: ReturnType<typeof ambiguityOf>;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const timeout = Math.max(1, Math.floor(deadline.endsAt - Date.now()));
      return await run(client, { signal, timeout });
    } catch (error) {
      ambiguity = worseAmbiguity(ambiguity, ambiguityOf(error, signal.aborted));
      const status = (error as { status?: unknown }).status;
      if (signal.aborted) {
        recordTelnyxAttemptFailure(policy.operation, status, false);
        throw withAmbiguity(upstreamTimeout(error), ambiguity);
      }
      const delay = policy.isRetryable && attempt < maxRetries ? retryDelayMs(error, attempt) : undefined;
      const isRetried = delay !== undefined && Date.now() + delay + minAttemptMs <= deadline.endsAt;
      recordTelnyxAttemptFailure(policy.operation, status, isRetried);
      if (!isRetried) throw withAmbiguity(toAppError(error), ambiguity);
      log.warn("telnyx.retry", {
        operation: policy.operation,
        attempt: attempt + 1,
        status,
        delayMs: Math.round(delay),
      });
      try {
        await sleep(delay, signal);
      } catch {
        throw withAmbiguity(upstreamTimeout(error), ambiguity);
      }
    }
  }
}

/**
 * Runs one Telnyx operation inside one deadline (TELNYX_TIMEOUT_MS) that covers every attempt, every wait
 * and reading the body, and turns any failure into an AppError.
 */
export async function callTelnyx<T>(
  policy: CallPolicy,
  run: (client: Telnyx, options: AttemptOptions) => PromiseLike<T>,
): Promise<T> {
  const settings = await upstreamSettings();
  const deadline = startDeadline(settings.timeoutMs);
  const startedAt = performance.now();
  let outcome = "ok";
  try {
    return await attemptUntilDeadline(policy, deadline, settings.maxRetries, run, sdkClient(settings));
  } catch (error) {
    outcome = (error as { code?: string }).code ?? "error";
    throw error;
  } finally {
    deadline.stop();
    recordTelnyxCall(policy.operation, outcome, performance.now() - startedAt);
  }
}

/**
 * Like callTelnyx for an answer we stream on: the deadline covers getting the headers; after that the body
 * may take as long as it keeps moving, but a silence longer than the timeout aborts it.
 */
export async function streamTelnyx(
  policy: CallPolicy,
  run: (client: Telnyx, options: AttemptOptions) => PromiseLike<Response>,
): Promise<ReadableStream<Uint8Array>> {
  const settings = await upstreamSettings();
  const deadline = startDeadline(settings.timeoutMs);
  let response: Response;
  try {
    response = await attemptUntilDeadline(policy, deadline, settings.maxRetries, run, sdkClient(settings));
  } finally {
    deadline.stop();
  }
  if (!response.body) return new ReadableStream<Uint8Array>({ start: (out) => out.close() });
  return watchForSilence(response.body, deadline.controller, settings.timeoutMs);
}

function watchForSilence(
  body: ReadableStream<Uint8Array>,
  controller: AbortController,
  silenceMs: number,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  // Pull-through, one chunk at a time: nothing is buffered here, and a slow reader on our side (backpressure)
  // does not count as silence because the timer only runs while a read from Telnyx is pending.
  return new ReadableStream<Uint8Array>({
    async pull(out) {
      const timer = setTimeout(() => controller.abort(), silenceMs);
      try {
        const { done, value } = await reader.read();
        if (done) out.close();
        else out.enqueue(value);
      } catch (error) {
        out.error(controller.signal.aborted ? upstreamTimeout(error) : toAppError(error));
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
