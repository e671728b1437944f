// Drives one bulk job for one slice of time. pg-boss delivers at least once, so this is idempotent: it
// claims the job's lease (one driver across every instance), takes items still pending (or left running
// by a crash, whose state is read first), counts each exactly once, and hands on or finishes.
import "server-only";
import {
  cancelPendingItems,
  claimJob,
  finishJob,
  finishJobItem,
  getJob,
  nextJobItems,
  releaseLease,
  renewLease,
  type JobItemRow,
  type JobRow,
} from "@/lib/db/jobs";
import { log } from "@/lib/log";
import { rateBudget } from "@/lib/telnyx/rate-budget";
import { runItem, skipWithoutRequest } from "./item-actions";
import { finishJobAudit } from "./job-outcome";

export const LEASE_MS = Number(process.env.SUBDESK_JOB_LEASE_MS ?? 15_000);

/** finished: nothing left; continue: more to do, hand on to a new delivery; elsewhere: another driver has it. */
export type DriveResult = "finished" | "continue" | "elsewhere";

interface DriveOptions {
  sliceMs: number;
  isStopping: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Claims the job, waiting out a lease another driver holds (it may have died) for up to two leases. */
async function claim(jobId: string, owner: string) {
  const giveUpAt = Date.now() + 2 * LEASE_MS;
  for (;;) {
    const job = await claimJob(jobId, owner, LEASE_MS);
    if (job) return job;
    const current = await getJob(jobId);
    if (!current || !["queued", "running"].includes(current.status)) return null;
    if (Date.now() > giveUpAt) return null;
    const waitMs = (current.leaseUntil?.getTime() ?? Date.now()) - Date.now() + 250;
    await sleep(Math.min(Math.max(waitMs, 250), LEASE_MS));
  }
}

// Items in flight at once within the one driver: Telnyx answers in tens of milliseconds, our own writes per
// item take about as long, so a few overlap to let the rate budget, not our bookkeeping, set the pace.
const CONCURRENCY = Math.min(16, Math.max(1, Number(process.env.SUBDESK_JOB_CONCURRENCY ?? 4) || 4));
// Items read from the database at a time.
const READ_AHEAD = CONCURRENCY * 4;

/** What the driver knows of its lease, refreshed between batches and every second meanwhile. */
interface LeaseState {
  isLost: boolean;
  cancelRequested: boolean;
}

export async function driveJob(jobId: string, owner: string, options: DriveOptions): Promise<DriveResult> {
  const job = await claim(jobId, owner);
  if (!job) {
    const current = await getJob(jobId);
    return current && ["queued", "running"].includes(current.status) ? "elsewhere" : "finished";
  }
  const state: LeaseState = { isLost: false, cancelRequested: job.cancelRequested };
  // Ends a wait for the rate budget at once when the job is cancelled, taken over or the process stops.
  const halt = new AbortController();
  const refresh = async () => {
    const lease = await renewLease(jobId, owner, LEASE_MS);
    if (!lease) state.isLost = true;
    else state.cancelRequested = lease.cancelRequested;
    if (state.isLost || state.cancelRequested || options.isStopping()) halt.abort();
  };
  // Keeps the lease alive through slow items and notices a cancel while a batch runs.
  const keeper = setInterval(() => void refresh().catch(() => undefined), Math.min(1_000, LEASE_MS / 3));
  try {
    return await driveClaimed(job, owner, state, refresh, halt.signal, Date.now() + options.sliceMs, options);
  } finally {
    clearInterval(keeper);
  }
}

/**
 * The items of one pass, read from the database ahead of the workers (the next read starts while a few are
 * still queued), so no worker waits on a read between items and the rate budget, not a batch boundary, sets
 * the pace. The pass starts from what `nextJobItems` found (crash-left items first) and then reads only
 * pending items past the last one read; an item left running for a retry is picked up by the next pass.
 */
class ItemFeed {
  private readonly queue: JobItemRow[];
  private lastPosition: number;
  private reading?: Promise<void>;
  private isExhausted = false;

  constructor(
    private readonly jobId: string,
    first: JobItemRow[],
  ) {
    this.queue = [...first];
    this.lastPosition = Math.max(-1, ...first.map((item) => item.position));
  }

  async take(): Promise<JobItemRow | undefined> {
    if (this.queue.length <= CONCURRENCY && !this.isExhausted) {
      const read = this.readMore();
      // Read ahead in the background; a failed read there is met again by the take that needs it.
      if (this.queue.length === 0) await read;
      else read.catch(() => undefined);
    }
    return this.queue.shift();
  }

  private readMore(): Promise<void> {
    this.reading ??= nextJobItems(this.jobId, READ_AHEAD, this.lastPosition)
      .then((rows) => {
        if (rows.length === 0) this.isExhausted = true;
        this.queue.push(...rows);
        this.lastPosition = Math.max(this.lastPosition, ...rows.map((item) => item.position));
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }
}

async function driveClaimed(
  job: JobRow,
  owner: string,
  state: LeaseState,
  refresh: () => Promise<void>,
  halted: AbortSignal,
  deadline: number,
  options: DriveOptions,
): Promise<DriveResult> {
  const jobId = job.id;
  for (;;) {
    await refresh();
    if (state.isLost) return "elsewhere";
    const batch = await nextJobItems(jobId, READ_AHEAD);
    const leftRunning = batch.filter((item) => item.status === "running");
    // Cancel finishes the items in flight (and any a crash left running), then marks the rest cancelled.
    if (batch.length === 0 || (state.cancelRequested && leftRunning.length === 0)) {
      if (batch.length > 0) await cancelPendingItems(jobId);
      const finished = await finishJob(jobId, owner);
      if (finished) await finishJobAudit(finished);
      return "finished";
    }
    if (options.isStopping() || Date.now() > deadline) {
      await releaseLease(jobId, owner);
      return "continue";
    }
    const isWanted = (item: JobItemRow) =>
      !state.isLost &&
      !options.isStopping() &&
      (!state.cancelRequested || item.status === "running") &&
      (Date.now() <= deadline || item.status === "running");
    const feed = new ItemFeed(jobId, state.cancelRequested ? leftRunning : batch);
    const work = async () => {
      for (let item = await feed.take(); item && isWanted(item); item = await feed.take()) {
        await runOne(item);
      }
    };
    const runOne = async (item: JobItemRow) => {
      const skipped = state.cancelRequested ? undefined : await skipWithoutRequest(job, item);
      if (skipped) {
        await finishJobItem(jobId, item.position, "skipped", skipped);
        return;
      }
      // Paced at SUBDESK_BULK_MAX_RPS and by Telnyx's own rate-limit figures (lib/telnyx/rate-budget.ts).
      // After a cancel only items already in flight are settled: they do not wait for a new slot.
      if (!state.cancelRequested) {
        const isGranted = await rateBudget.acquire({ signal: halted }).then(
          () => true,
          () => false,
        );
        if (!isGranted || !isWanted(item)) return;
      }
      const result = await runItem(job, item);
      if (result.outcome === "retry") {
        // The item stays running; the next pass reads its state first and tries it again.
        log.warn("job.item_rate_limited", { jobId, position: item.position, afterMs: result.afterMs });
        await sleep(result.afterMs);
        return;
      }
      await finishJobItem(jobId, item.position, result.outcome, result);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, work));
  }
}
