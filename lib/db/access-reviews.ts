// Access review campaigns: the frozen flagged people of one moment and each one's decision.
import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import type {
  AccessReview,
  AccessReviewDecision,
  AccessReviewItem,
  AccessReviewItemsQuery,
  AccessReviewListQuery,
} from "@/lib/schemas/access-reviews";
import type { ReviewReason } from "@/lib/schemas/org-users";
import type { Db } from "./connection";
import { getDb } from "./client";
import { accessReviewItems, accessReviews, jobItems, staff } from "./schema";

export interface FrozenItem {
  orgUserId: string;
  email: string;
  flags: ReviewReason[];
}

export interface Decider {
  staffId: string;
  email: string;
}

const reviewColumns = {
  id: accessReviews.id,
  name: accessReviews.name,
  ownerId: accessReviews.ownerStaffId,
  ownerName: staff.name,
  ownerEmail: staff.email,
  dueDate: accessReviews.dueDate,
  status: accessReviews.status,
  createdAt: accessReviews.createdAt,
  closedAt: accessReviews.closedAt,
  // Counted per review in the same statement (a campaign holds at most a few thousand items).
  total: sql<number>`(select count(*) from access_review_items i where i.review_id = ${accessReviews.id})::int`,
  decided: sql<number>`(select count(*) from access_review_items i where i.review_id = ${accessReviews.id} and i.decision is not null)::int`,
  kept: sql<number>`(select count(*) from access_review_items i where i.review_id = ${accessReviews.id} and i.decision = 'keep')::int`,
  removals: sql<number>`(select count(*) from access_review_items i where i.review_id = ${accessReviews.id} and i.decision = 'remove')::int`,
  removalsPending: sql<number>`(select count(*) from access_review_items i where i.review_id = ${accessReviews.id} and i.decision = 'remove' and i.job_id is null)::int`,
};

type ReviewRecord = Omit<AccessReview, "overdue" | "createdAt" | "closedAt"> & {
  createdAt: Date;
  closedAt: Date | null;
};

/** Overdue: still open after its due date (a date, compared in UTC). */
function toAccessReview(row: ReviewRecord, now: Date): AccessReview {
  const today = now.toISOString().slice(0, 10);
  return {
    ...row,
    overdue: row.status === "open" && row.dueDate < today,
    createdAt: row.createdAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

async function dbOf(db?: Db): Promise<Db> {
  return db ?? (await getDb());
}

export async function insertAccessReview(
  input: { name: string; dueDate: string; ownerStaffId: string; items: FrozenItem[] },
  db?: Db,
): Promise<AccessReview> {
  const database = await dbOf(db);
  const id = await database.transaction(async (tx) => {
    const [review] = await tx
      .insert(accessReviews)
      .values({ name: input.name, dueDate: input.dueDate, ownerStaffId: input.ownerStaffId })
      .returning({ id: accessReviews.id });
    if (!review) throw new Error("The review was not inserted.");
    const rows = input.items.map((item, position) => ({ reviewId: review.id, position, ...item }));
    for (let start = 0; start < rows.length; start += 1000)
      await tx.insert(accessReviewItems).values(rows.slice(start, start + 1000));
    return review.id;
  });
  return getAccessReviewOrThrow(id, database);
}

export async function listAccessReviews(
  query: AccessReviewListQuery,
  db?: Db,
): Promise<{ rows: AccessReview[]; totalResults: number }> {
  const database = await dbOf(db);
  const where = query.status ? eq(accessReviews.status, query.status) : undefined;
  const rows = await database
    .select(reviewColumns)
    .from(accessReviews)
    .innerJoin(staff, eq(staff.id, accessReviews.ownerStaffId))
    .where(where)
    .orderBy(desc(accessReviews.createdAt), desc(accessReviews.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await database.select({ value: count() }).from(accessReviews).where(where);
  const now = new Date();
  return { rows: rows.map((row) => toAccessReview(row, now)), totalResults: total?.value ?? 0 };
}

export async function getAccessReviewOrThrow(id: string, db?: Db): Promise<AccessReview> {
  const database = await dbOf(db);
  const [row] = await database
    .select(reviewColumns)
    .from(accessReviews)
    .innerJoin(staff, eq(staff.id, accessReviews.ownerStaffId))
    .where(eq(accessReviews.id, id));
  if (!row) throw new AppError("not_found", "There is no such access review.");
  return toAccessReview(row, new Date());
}

const itemColumns = {
  id: accessReviewItems.orgUserId,
  email: accessReviewItems.email,
  flags: accessReviewItems.flags,
  decision: accessReviewItems.decision,
  reason: accessReviewItems.reason,
  decidedBy: accessReviewItems.decidedByEmail,
  decidedAt: accessReviewItems.decidedAt,
  jobId: accessReviewItems.jobId,
  removal: jobItems.status,
};

function itemFilter(reviewId: string, decision?: AccessReviewItemsQuery["decision"]) {
  const own = eq(accessReviewItems.reviewId, reviewId);
  if (!decision) return own;
  if (decision === "undecided") return and(own, isNull(accessReviewItems.decision));
  return and(own, eq(accessReviewItems.decision, decision));
}

type ItemRecord = Omit<AccessReviewItem, "decidedAt" | "flags"> & { decidedAt: Date | null; flags: string[] };

const toItem = (row: ItemRecord): AccessReviewItem => ({
  ...row,
  flags: row.flags as ReviewReason[],
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

async function selectItems(
  database: Db,
  reviewId: string,
  query: Partial<AccessReviewItemsQuery>,
): Promise<AccessReviewItem[]> {
  const base = database
    .select(itemColumns)
    .from(accessReviewItems)
    // The removal job's item for this person: its state is the removal's outcome.
    .leftJoin(
      jobItems,
      and(eq(jobItems.jobId, accessReviewItems.jobId), eq(jobItems.targetId, accessReviewItems.orgUserId)),
    )
    .where(itemFilter(reviewId, query.decision))
    .orderBy(asc(accessReviewItems.position));
  const rows = query.pageSize
    ? await base.limit(query.pageSize).offset(((query.page ?? 1) - 1) * query.pageSize)
    : await base;
  return rows.map(toItem);
}

export async function listAccessReviewItems(
  reviewId: string,
  query: AccessReviewItemsQuery,
  db?: Db,
): Promise<{ rows: AccessReviewItem[]; totalResults: number }> {
  const database = await dbOf(db);
  const rows = await selectItems(database, reviewId, query);
  const [total] = await database
    .select({ value: count() })
    .from(accessReviewItems)
    .where(itemFilter(reviewId, query.decision));
  return { rows, totalResults: total?.value ?? 0 };
}

/** Every item, in order: the CSV evidence. */
export async function allAccessReviewItems(reviewId: string, db?: Db): Promise<AccessReviewItem[]> {
  return selectItems(await dbOf(db), reviewId, {});
}

/**
 * Records one decision for several items of an open review. An item whose removal job has started is
 * settled; an id that is not in the review is a field message. Closes the review once nothing is left
 * undecided (the answer says so).
 */
export async function decideAccessReviewItems(
  reviewId: string,
  input: { itemIds: string[]; decision: AccessReviewDecision; reason?: string; decider: Decider },
  db?: Db,
): Promise<{ emails: string[]; closed: boolean }> {
  const database = await dbOf(db);
  const ids = [...new Set(input.itemIds)];
  return database.transaction(async (tx) => {
    const [review] = await tx
      .select({ status: accessReviews.status })
      .from(accessReviews)
      .where(eq(accessReviews.id, reviewId))
      .for("update");
    if (!review) throw new AppError("not_found", "There is no such access review.");
    if (review.status !== "open") throw new AppError("conflict", "This review is closed.");
    const found = await tx
      .select({ id: accessReviewItems.orgUserId, jobId: accessReviewItems.jobId })
      .from(accessReviewItems)
      .where(and(eq(accessReviewItems.reviewId, reviewId), inArray(accessReviewItems.orgUserId, ids)));
    if (found.length !== ids.length) {
      throw new AppError("validation_failed", "Some of these people are not in this review.", {
        fields: { itemIds: `${ids.length - found.length} of the chosen people are not in this review.` },
      });
    }
    if (found.some((item) => item.jobId !== null)) {
      throw new AppError("conflict", "The removal of some of these people has already started.");
    }
    const updated = await tx
      .update(accessReviewItems)
      .set({
        decision: input.decision,
        reason: input.reason ?? null,
        decidedBy: input.decider.staffId,
        decidedByEmail: input.decider.email,
        decidedAt: new Date(),
      })
      .where(and(eq(accessReviewItems.reviewId, reviewId), inArray(accessReviewItems.orgUserId, ids)))
      .returning({ email: accessReviewItems.email });
    const [left] = await tx
      .select({ value: count() })
      .from(accessReviewItems)
      .where(and(eq(accessReviewItems.reviewId, reviewId), isNull(accessReviewItems.decision)));
    const closed = (left?.value ?? 0) === 0;
    if (closed) {
      await tx
        .update(accessReviews)
        .set({ status: "closed", closedAt: new Date(), closedBy: input.decider.staffId })
        .where(eq(accessReviews.id, reviewId));
    }
    return { emails: updated.map((row) => row.email), closed };
  });
}

/**
 * Claims the people decided remove whose removal has not started, under a claim id, in one statement: two
 * clicks at once cannot both take them (the second finds no one). The claim becomes the job's id once the
 * job exists, or is released if it could not be started.
 */
export async function claimRemovals(
  reviewId: string,
  claim: string,
  db?: Db,
): Promise<{ orgUserId: string; email: string }[]> {
  const database = await dbOf(db);
  const rows = await database
    .update(accessReviewItems)
    .set({ jobId: claim })
    .where(
      and(
        eq(accessReviewItems.reviewId, reviewId),
        eq(accessReviewItems.decision, "remove"),
        isNull(accessReviewItems.jobId),
      ),
    )
    .returning({
      orgUserId: accessReviewItems.orgUserId,
      email: accessReviewItems.email,
      position: accessReviewItems.position,
    });
  return rows.sort((a, b) => a.position - b.position).map(({ orgUserId, email }) => ({ orgUserId, email }));
}

/** Turns a claim into the removal job's id, or releases it (null) when the job was refused. */
export async function settleRemovalClaim(
  reviewId: string,
  claim: string,
  jobId: string | null,
  db?: Db,
): Promise<number> {
  const database = await dbOf(db);
  const rows = await database
    .update(accessReviewItems)
    .set({ jobId })
    .where(and(eq(accessReviewItems.reviewId, reviewId), eq(accessReviewItems.jobId, claim)))
    .returning({ id: accessReviewItems.orgUserId });
  return rows.length;
}

/** Closes an open review; the answer lists who was left undecided. */
export async function closeAccessReview(
  reviewId: string,
  closerStaffId: string,
  db?: Db,
): Promise<{ undecided: string[] }> {
  const database = await dbOf(db);
  return database.transaction(async (tx) => {
    const [closed] = await tx
      .update(accessReviews)
      .set({ status: "closed", closedAt: new Date(), closedBy: closerStaffId })
      .where(and(eq(accessReviews.id, reviewId), eq(accessReviews.status, "open")))
      .returning({ id: accessReviews.id });
    if (!closed) throw new AppError("conflict", "This review is already closed.");
    const undecided = await tx
      .select({ email: accessReviewItems.email })
      .from(accessReviewItems)
      .where(and(eq(accessReviewItems.reviewId, reviewId), isNull(accessReviewItems.decision)))
      .orderBy(asc(accessReviewItems.position));
    return { undecided: undecided.map((row) => row.email) };
  });
}
