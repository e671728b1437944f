// The campaign's removals as ONE org_user.remove job through the job engine (lib/jobs), then tied to items.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { claimRemovals, settleRemovalClaim } from "@/lib/db/access-reviews";
import type { JobRow } from "@/lib/db/jobs";
import { createJob, type JobRequestContext } from "@/lib/jobs/create-job";
import type { AccessReview } from "@/lib/schemas/access-reviews";
import { confirmationText, createJobBodySchema } from "@/lib/schemas/jobs";

export async function startRemovalJob(
  review: AccessReview,
  context: JobRequestContext,
): Promise<{ job: JobRow; count: number }> {
  const claim = randomUUID();
  const targets = await claimRemovals(review.id, claim);
  if (targets.length === 0) {
    throw new AppError("conflict", "No one in this review is waiting to be removed.");
  }
  const count = targets.length;
  // Each person was decided remove one by one (or chosen together) in the review: that is the
  // confirmation, so the job's typed count is supplied here rather than asked for again.
  const body = createJobBodySchema.parse({
    action: "org_user.remove",
    target: { ids: targets.map((target) => target.orgUserId) },
    reason: `Access review "${review.name}": decided remove`.slice(0, 500),
    confirm: confirmationText("org_user.remove", count),
  });
  let job: JobRow;
  try {
    // createJob checks users.remove again and writes the job's own audit row.
    job = await createJob(body, context);
  } catch (error) {
    await settleRemovalClaim(review.id, claim, null);
    throw error;
  }
  await settleRemovalClaim(review.id, claim, job.id);
  return { job, count };
}
