// Bulk jobs and their items: creation, the one-driver lease, per-item progress and counts.
// Counts move in the same transaction as the item they count, and only when the item really changes
// state (its UPDATE matched), so a second delivery or a crash cannot count an item twice.
import "server-only";
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import {
  jobItems,
  jobs,
  type JobAction,
  type JobItemRow,
  type JobItemStatus,
  type JobRow,
  type JobStatus,
} from "./schema";

export type { JobAction, JobItemRow, JobItemStatus, JobRow, JobStatus };

export interface NewJob {
  action: JobAction;
  params: Record<string, unknown>;
  reason: string;
  creator: { id: string; email: string; role: string };
  targets: { id: string; label?: string }[];
  retryOf?: string;
}

// 4 values per row: well under PostgreSQL's 65,535 bind parameters per statement.
const INSERT_CHUNK = 2_000;

/** Writes a job and its frozen target list in one transaction. */
export async function insertJob(input: NewJob, db?: Db): Promise<JobRow> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({
        action: input.action,
        params: input.params,
        reason: input.reason,
        total: input.targets.length,
        createdBy: input.creator.id,
        createdByEmail: input.creator.email,
        createdByRole: input.creator.role,
        retryOf: input.retryOf ?? null,
      })
      .returning();
    if (!job) throw new Error("The job row was not written.");
    for (let start = 0; start < input.targets.length; start += INSERT_CHUNK) {
      await tx.insert(jobItems).values(
        input.targets.slice(start, start + INSERT_CHUNK).map((target, offset) => ({
          jobId: job.id,
          position: start + offset,
          targetId: target.id,
          label: target.label ?? null,
        })),
      );
    }
    return job;
  });
}

export async function setJobAudit(id: string, auditId: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database.update(jobs).set({ auditId }).where(eq(jobs.id, id));
}

export async function getJob(id: string, db?: Db): Promise<JobRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database.select().from(jobs).where(eq(jobs.id, id));
  return row ?? null;
}

export interface JobListFilters {
  status?: JobStatus;
  action?: JobAction;
  createdBy?: string;
  page: number;
  pageSize: number;
}

export async function listJobs(
  filters: JobListFilters,
  db?: Db,
): Promise<{ rows: JobRow[]; totalResults: number }> {
  const database = db ?? (await getDb());
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(jobs.status, filters.status));
  if (filters.action) conditions.push(eq(jobs.action, filters.action));
  if (filters.createdBy) conditions.push(eq(jobs.createdBy, filters.createdBy));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    database
      .select()
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    database.select({ value: count() }).from(jobs).where(where),
  ]);
  return { rows, totalResults: total?.value ?? 0 };
}

export async function listJobItems(
  jobId: string,
  filters: { status?: JobItemStatus; page: number; pageSize: number },
  db?: Db,
): Promise<{ rows: JobItemRow[]; totalResults: number }> {
  const database = db ?? (await getDb());
  const where = and(
    eq(jobItems.jobId, jobId),
    filters.status ? eq(jobItems.status, filters.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    database
      .select()
      .from(jobItems)
      .where(where)
      .orderBy(asc(jobItems.position))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    database.select({ value: count() }).from(jobItems).where(where),
  ]);
  return { rows, totalResults: total?.value ?? 0 };
}

/** Items after `afterPosition`, in order: a CSV walks a job of any size in constant memory. */
export async function jobItemsAfter(
  jobId: string,
  afterPosition: number,
  limit: number,
  db?: Db,
): Promise<JobItemRow[]> {
  const database = db ?? (await getDb());
  return database
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), gt(jobItems.position, afterPosition)))
    .orderBy(asc(jobItems.position))
    .limit(limit);
}

export async function failedItemTargets(jobId: string, db?: Db): Promise<{ id: string; label?: string }[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ id: jobItems.targetId, label: jobItems.label })
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "failed")))
    .orderBy(asc(jobItems.position));
  return rows.map((row) => ({ id: row.id, label: row.label ?? undefined }));
}

const leaseExpiry = (leaseMs: number) => sql`now() + make_interval(secs => ${leaseMs / 1000})`;

/**
 * Makes `owner` the job's one driver until the lease runs out. Succeeds when the job is still to be done and
 * nobody holds a live lease (or `owner` already does): of two deliveries racing, exactly one gets the row.
 */
export async function claimJob(id: string, owner: string, leaseMs: number, db?: Db): Promise<JobRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(jobs)
    .set({
      leaseOwner: owner,
      leaseUntil: leaseExpiry(leaseMs),
      status: "running",
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
    })
    .where(
      and(
        eq(jobs.id, id),
        inArray(jobs.status, ["queued", "running"]),
        or(sql`${jobs.leaseUntil} is null`, lt(jobs.leaseUntil, sql`now()`), eq(jobs.leaseOwner, owner)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Extends the lease; null when it is no longer ours (another driver took over after it expired). */
export async function renewLease(
  id: string,
  owner: string,
  leaseMs: number,
  db?: Db,
): Promise<{ cancelRequested: boolean } | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(jobs)
    .set({ leaseUntil: leaseExpiry(leaseMs) })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner), eq(jobs.status, "running")))
    .returning({ cancelRequested: jobs.cancelRequested });
  return row ?? null;
}

/** Lets go of the lease at the end of a slice, so the next delivery can claim it at once. */
export async function releaseLease(id: string, owner: string, db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(jobs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(and(eq(jobs.id, id), eq(jobs.leaseOwner, owner)));
}

/** PGlite only: its directory belongs to one process, so every lease in it was held by one that is gone. */
export async function releaseAllLeases(db?: Db): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(jobs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(inArray(jobs.status, ["queued", "running"]));
}

/**
 * The next items to work on, in order: any a crash left running (their state is read first), then pending.
 * With `afterPosition`, only pending items past it: the ones a driver has not yet read.
 */
export async function nextJobItems(
  jobId: string,
  limit: number,
  afterPosition?: number,
  db?: Db,
): Promise<JobItemRow[]> {
  const database = db ?? (await getDb());
  const which =
    afterPosition === undefined
      ? inArray(jobItems.status, ["pending", "running"])
      : and(eq(jobItems.status, "pending"), gt(jobItems.position, afterPosition));
  return database
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), which))
    .orderBy(asc(jobItems.position))
    .limit(limit);
}

export async function markItemRunning(
  jobId: string,
  position: number,
  auditId: string | null,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  await database
    .update(jobItems)
    .set({
      status: "running",
      attempts: sql`${jobItems.attempts} + 1`,
      auditId: sql`coalesce(${auditId}::uuid, ${jobItems.auditId})`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(jobItems.jobId, jobId),
        eq(jobItems.position, position),
        inArray(jobItems.status, ["pending", "running"]),
      ),
    );
}

export type ItemOutcome = "done" | "failed" | "skipped";

/** Ends one item and counts it, once: an item already ended is left alone and not counted again. */
export async function finishJobItem(
  jobId: string,
  position: number,
  outcome: ItemOutcome,
  detail: { label?: string; errorCode?: string; errorMessage?: string },
  db?: Db,
): Promise<boolean> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const changed = await tx
      .update(jobItems)
      .set({
        status: outcome,
        label: detail.label ? detail.label : sql`${jobItems.label}`,
        errorCode: detail.errorCode ?? null,
        errorMessage: detail.errorMessage?.slice(0, 500) ?? null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(jobItems.jobId, jobId),
          eq(jobItems.position, position),
          inArray(jobItems.status, ["pending", "running"]),
        ),
      )
      .returning({ position: jobItems.position });
    if (changed.length === 0) return false;
    const counted =
      outcome === "done"
        ? { done: sql`${jobs.done} + 1` }
        : outcome === "failed"
          ? { failed: sql`${jobs.failed} + 1` }
          : { skipped: sql`${jobs.skipped} + 1` };
    await tx.update(jobs).set(counted).where(eq(jobs.id, jobId));
    return true;
  });
}

/** Marks every item not yet started as cancelled and counts them. */
export async function cancelPendingItems(jobId: string, db?: Db): Promise<number> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const cancelled = await tx
      .update(jobItems)
      .set({ status: "cancelled", updatedAt: sql`now()` })
      .where(and(eq(jobItems.jobId, jobId), eq(jobItems.status, "pending")))
      .returning({ position: jobItems.position });
    if (cancelled.length > 0) {
      await tx
        .update(jobs)
        .set({ cancelled: sql`${jobs.cancelled} + ${cancelled.length}` })
        .where(eq(jobs.id, jobId));
    }
    return cancelled.length;
  });
}

/** The final status from the counts, and the lease let go. Only a job still to be done changes. */
export async function finishJob(id: string, owner: string | null, db?: Db): Promise<JobRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(jobs)
    .set({
      status: sql`case
        when ${jobs.cancelled} > 0 then 'cancelled'
        when ${jobs.failed} = 0 then 'succeeded'
        when ${jobs.done} + ${jobs.skipped} = 0 then 'failed'
        else 'partial' end`,
      finishedAt: sql`now()`,
      leaseOwner: null,
      leaseUntil: null,
    })
    .where(
      and(
        eq(jobs.id, id),
        inArray(jobs.status, ["queued", "running"]),
        owner === null ? undefined : eq(jobs.leaseOwner, owner),
      ),
    )
    .returning();
  return row ?? null;
}

/** Asks the driver to stop after the item in flight. Returns the job, or null when it has already ended. */
export async function requestCancel(id: string, db?: Db): Promise<JobRow | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .update(jobs)
    .set({ cancelRequested: true })
    .where(and(eq(jobs.id, id), inArray(jobs.status, ["queued", "running"])))
    .returning();
  return row ?? null;
}

/** Jobs that should have a driver: a restart re-announces them in case pg-boss lost track of one. */
export async function unfinishedJobIds(db?: Db): Promise<string[]> {
  const database = db ?? (await getDb());
  const rows = await database
    .select({ id: jobs.id })
    .from(jobs)
    .where(inArray(jobs.status, ["queued", "running"]));
  return rows.map((row) => row.id);
}
