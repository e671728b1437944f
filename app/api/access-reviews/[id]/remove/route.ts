import { startRemovalJob } from "@/lib/access-reviews/removal";
import { holdReviewRemoval } from "@/lib/approvals/review-removal";
import { withRoute } from "@/lib/api/with-route";
import { getAccessReviewOrThrow } from "@/lib/db/access-reviews";
import { toJob } from "@/lib/jobs/job-dto";
import { accessReviewParamsSchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// POST /api/access-reviews/{id}/remove → 202: one org_user.remove job for everyone decided remove and not
// yet removed. The job writes its own audit row (job.org_user.remove) and one per person.
export const POST = withRoute(
  "POST /api/access-reviews/[id]/remove",
  { params: accessReviewParamsSchema, stepUp: true },
  async ({ params, staff, request, requestId }) => {
    const review = await getAccessReviewOrThrow(params.id);
    // Under the approval policy the removals wait for a second person (202 with the approval).
    const held = await holdReviewRemoval(review, { staff, request, requestId });
    if (held) return held;
    const { job } = await startRemovalJob(review, { staff, request, requestId });
    return Response.json({ data: toJob(job) }, { status: 202 });
  },
);
