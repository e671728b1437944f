// An access review's removals are removals of organization users: under the policy they wait for a second
// person too, bound to exactly the people decided remove when asked (any later decision voids it).
import "server-only";
import { allAccessReviewItems } from "@/lib/db/access-reviews";
import type { JobRequestContext } from "@/lib/jobs/create-job";
import type { AccessReview } from "@/lib/schemas/access-reviews";
import { approvalPolicy } from "./policy";
import { holdForApproval } from "./request";

/** The people decided remove whose removal has not started, sorted: what the approval is bound to. */
export async function pendingRemovalIds(reviewId: string): Promise<string[]> {
  const items = await allAccessReviewItems(reviewId);
  return items
    .filter((item) => item.decision === "remove" && !item.jobId)
    .map((item) => item.id)
    .sort();
}

export async function holdReviewRemoval(
  review: AccessReview,
  context: JobRequestContext,
): Promise<Response | null> {
  if (!approvalPolicy()["org_user.remove"]) return null;
  const orgUserIds = await pendingRemovalIds(review.id);
  // Nobody to remove: the removal itself answers that (409), as without the policy.
  if (orgUserIds.length === 0) return null;
  return holdForApproval(
    {
      request: { action: "access_review.remove", id: review.id, orgUserIds },
      target: {
        type: "access_review",
        id: review.id,
        label: `${review.name}: ${orgUserIds.length} to remove`,
      },
      reason: `Access review "${review.name}": decided remove`.slice(0, 500),
    },
    context,
  );
}
