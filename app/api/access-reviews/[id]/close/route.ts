import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { closeAccessReview, getAccessReviewOrThrow } from "@/lib/db/access-reviews";
import { accessReviewParamsSchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// POST /api/access-reviews/{id}/close: the owner or an admin ends the campaign; whoever is still undecided
// is named in the answer and in the audit row.
export const POST = withRoute(
  "POST /api/access-reviews/[id]/close",
  {
    params: accessReviewParamsSchema,
    audit: ({ params }) => ({
      action: "access_review.close",
      targetType: "access_review",
      targetId: params.id,
    }),
  },
  async ({ params, staff, setAuditTarget }) => {
    const review = await getAccessReviewOrThrow(params.id);
    setAuditTarget({ label: review.name });
    if (review.ownerId !== staff.staffId && staff.role !== "admin") {
      throw new AppError("forbidden", "Only the review's owner or an admin can close it.");
    }
    const { undecided } = await closeAccessReview(review.id, staff.staffId);
    setAuditTarget({ label: `${review.name} (${undecided.length} left undecided)` });
    return { data: { ...(await getAccessReviewOrThrow(review.id)), undecided } };
  },
);
