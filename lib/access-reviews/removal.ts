// The campaign's removals as ONE org_user.remove job through the job engine (lib/jobs), then tied to items.
import "server-only";
import { AppError } from "@/lib/api/errors";
import { pendingRemovals, setRemovalJob } from "@/lib/db/access-reviews";
import type { JobRow } from "@/lib/db/jobs";
import { createJob, type JobRequestContext } from "@/lib/jobs/create-job";
import type { AccessReview } from "@/lib/schemas/access-reviews";
import { confirmationText, createJobBodySchema } from "@/lib/schemas/jobs";

export async function startRemovalJob(
  review: AccessReview,
  context: JobRequestContext,
): Promise<{ job: JobRow; count: number }> {
  const targets = await pendingRemovals(review.id);
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
  // createJob checks users.remove again and writes the job's own audit row.
  const job = await createJob(body, context);
  await setRemovalJob(
    review.id,
    targets.map((target) => target.orgUserId),
    job.id,
  );
  return { job, count };
}
