// Access review campaigns (/users/review): bodies, queries and answers. Shared by the page and the handlers.
import { z } from "zod";
import {
  idSchema,
  listPageQuery,
  listPageSizeQuery,
  optionalEnum,
  queryInteger,
  reasonSchema,
  safeText,
  visibleLength,
} from "./common";
import { reviewReasons } from "./org-users";
import { maxReviewNameLength } from "./feature-values";
// The browser reads these without zod (lib/schemas/feature-values.ts).
export { maxReviewNameLength } from "./feature-values";

export const accessReviewStatuses = ["open", "closed"] as const;
export type AccessReviewStatus = (typeof accessReviewStatuses)[number];
export const accessReviewDecisions = ["keep", "remove"] as const;
export type AccessReviewDecision = (typeof accessReviewDecisions)[number];
/** The items filter on a campaign's page: the undecided ones, or one decision. */
export const itemFilters = ["undecided", "keep", "remove"] as const;

/** One request decides at most this many items (a page of the campaign, selected). */
export const maxDecisionItems = 1000;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const dueDateMessage = "Give the due date as YYYY-MM-DD.";

/** A calendar date that exists (2026-02-30 does not). */
export const dueDateSchema = z
  .string({ error: dueDateMessage })
  .regex(isoDate, dueDateMessage)
  .refine((text) => {
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, dueDateMessage);

export const createAccessReviewBodySchema = z.strictObject({
  name: safeText({ error: "Name the review." })
    .trim()
    .max(maxReviewNameLength, `Keep the name to ${maxReviewNameLength} characters.`)
    .refine((name) => visibleLength(name) > 0, { message: "Name the review." }),
  dueDate: dueDateSchema,
});
export type CreateAccessReviewBody = z.output<typeof createAccessReviewBodySchema>;

// An item is named by its organization user's id (unique within a campaign).
const itemIdSchema = safeText({ error: "Item ids are the users' ids." }).min(1).max(100);

/** Keep needs a reason (it is the evidence an auditor reads); remove may give one. */
export const decideBodySchema = z
  .strictObject({
    itemIds: z
      .array(itemIdSchema, { error: "Choose the people to decide." })
      .min(1, "Choose at least one person.")
      .max(maxDecisionItems, `Decide at most ${maxDecisionItems} people at once.`),
    decision: z.enum(accessReviewDecisions, { error: "Decision is keep or remove." }),
    reason: reasonSchema.optional(),
  })
  .superRefine((body, context) => {
    if (body.decision === "keep" && body.reason === undefined)
      context.addIssue({ code: "custom", path: ["reason"], message: "Say why these people keep access." });
  });
export type DecideBody = z.output<typeof decideBodySchema>;

export const accessReviewListQuerySchema = z.object({
  status: optionalEnum(accessReviewStatuses),
  page: listPageQuery,
  pageSize: queryInteger("Page size", 1, 100, 25),
});
export type AccessReviewListQuery = z.output<typeof accessReviewListQuerySchema>;

export const accessReviewItemsQuerySchema = z.object({
  decision: optionalEnum(itemFilters),
  page: listPageQuery,
  pageSize: listPageSizeQuery,
});
export type AccessReviewItemsQuery = z.output<typeof accessReviewItemsQuerySchema>;

export const accessReviewParamsSchema = z.object({ id: idSchema });

export const accessReviewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  /** The page lets the owner (or an admin) close it. */
  ownerEmail: z.string(),
  dueDate: z.string(),
  status: z.enum(accessReviewStatuses),
  overdue: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  total: z.number().int(),
  decided: z.number().int(),
  kept: z.number().int(),
  removals: z.number().int(),
  /** Items decided remove whose removal job has not been started yet. */
  removalsPending: z.number().int(),
});
export type AccessReview = z.infer<typeof accessReviewSchema>;

export const accessReviewItemSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  flags: z.array(z.enum(reviewReasons)),
  decision: z.enum(accessReviewDecisions).nullable(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  jobId: z.string().nullable(),
  /** The removal job item's state: pending, running, done, failed, skipped, cancelled. */
  removal: z.string().nullable(),
});
export type AccessReviewItem = z.infer<typeof accessReviewItemSchema>;
