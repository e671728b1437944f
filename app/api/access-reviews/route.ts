import { listMetaOf } from "@/lib/schemas/common";
import { startAccessReview } from "@/lib/access-reviews/start";
import { withRoute } from "@/lib/api/with-route";
import { listAccessReviews } from "@/lib/db/access-reviews";
import { accessReviewListQuerySchema, createAccessReviewBodySchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// GET /api/access-reviews?status&page&pageSize: campaigns, newest first, with their progress.
export const GET = withRoute(
  "GET /api/access-reviews",
  { query: accessReviewListQuerySchema },
  async ({ query }) => {
    const { rows, totalResults } = await listAccessReviews(query);
    return {
      data: rows,
      meta: listMetaOf(query, totalResults),
    };
  },
);

// POST /api/access-reviews { name, dueDate } → 201: freezes the people flagged now; the starter owns it.
export const POST = withRoute(
  "POST /api/access-reviews",
  {
    body: createAccessReviewBodySchema,
    audit: ({ body }) => ({
      action: "access_review.start",
      targetType: "access_review",
      targetLabel: body.name,
      summary: { dueDate: body.dueDate },
    }),
  },
  async ({ body, staff, setAuditTarget }) => {
    const data = await startAccessReview(body, staff.staffId);
    setAuditTarget({ id: data.id });
    return Response.json({ data }, { status: 201 });
  },
);
