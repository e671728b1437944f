import { withRoute } from "@/lib/api/with-route";
import { decideAccessReviewItems } from "@/lib/db/access-reviews";
import { accessReviewParamsSchema, decideBodySchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// POST /api/access-reviews/{id}/decisions { itemIds, decision: keep|remove, reason }: one decision for one
// or many people (keep needs a reason). A removal is only proposed here; /remove runs it.
export const POST = withRoute(
  "POST /api/access-reviews/[id]/decisions",
  {
    params: accessReviewParamsSchema,
    body: decideBodySchema,
    audit: ({ params, body }) => ({
      action: "access_review.decide",
      targetType: "access_review",
      targetId: params.id,
      reason: body.reason,
      summary: { decision: body.decision, count: new Set(body.itemIds).size },
    }),
  },
  async ({ params, body, staff, setAuditTarget }) => {
    const result = await decideAccessReviewItems(params.id, {
      ...body,
      decider: { staffId: staff.staffId, email: staff.email },
    });
    setAuditTarget({ label: result.emails.slice(0, 20).join(", ") });
    return { data: { decided: result.emails.length, closed: result.closed } };
  },
);
