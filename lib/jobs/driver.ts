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
  nextJobItem,
  releaseLease,
  renewLease,
  type JobRow,
} from "@/lib/db/jobs";
import { log } from "@/lib/log";
import { rateBudget } from "@/lib/telnyx/rate-budget";
import { runItem } from "./item-actions";
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

export async function driveJob(jobId: string, owner: string, options: DriveOptions): Promise<DriveResult> {
  const job = await claim(jobId, owner);
  if (!job) {
    const current = await getJob(jobId);
    return current && ["queued", "running"].includes(current.status) ? "elsewhere" : "finished";
  }
  const deadline = Date.now() + options.sliceMs;
  // An item may take longer than a lease (a slow answer, a read-back): the lease is kept alive meanwhile.
  const keeper = setInterval(() => {
    renewLease(jobId, owner, LEASE_MS).catch(() => undefined);
  }, LEASE_MS / 3);
  try {
    return await driveClaimed(job, owner, deadline, options);
  } finally {
    clearInterval(keeper);
  }
}

async function driveClaimed(
  job: JobRow,
  owner: string,
  deadline: number,
  options: DriveOptions,
): Promise<DriveResult> {
  const jobId = job.id;
  for (;;) {
    const lease = await renewLease(jobId, owner, LEASE_MS);
    if (!lease) return "elsewhere";
    const item = await nextJobItem(jobId);
    // Cancel finishes the item in flight (one a crash left running is settled first), then stops.
    if (!item || (lease.cancelRequested && item.status !== "running")) {
      if (item) await cancelPendingItems(jobId);
      const finished = await finishJob(jobId, owner);
      if (finished) await finishJobAudit(finished);
      return "finished";
    }
    if (options.isStopping() || Date.now() > deadline) {
      await releaseLease(jobId, owner);
      return "continue";
    }
    // Paced at SUBDESK_BULK_MAX_RPS and by Telnyx's own rate-limit figures (lib/telnyx/rate-budget.ts).
    await rateBudget.acquire();
    const result = await runItem(job, item);
    if (result.outcome === "retry") {
      log.warn("job.item_rate_limited", { jobId, position: item.position, afterMs: result.afterMs });
      await sleep(result.afterMs);
      continue;
    }
    await finishJobItem(jobId, item.position, result.outcome, result);
  }
}
