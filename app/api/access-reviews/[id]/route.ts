import { listMetaOf } from "@/lib/schemas/common";
import { withRoute } from "@/lib/api/with-route";
import { getAccessReviewOrThrow, listAccessReviewItems } from "@/lib/db/access-reviews";
import { accessReviewItemsQuerySchema, accessReviewParamsSchema } from "@/lib/schemas/access-reviews";

export const dynamic = "force-dynamic";

// GET /api/access-reviews/{id}?decision=undecided|keep|remove&page&pageSize: the campaign and a page of it.
export const GET = withRoute(
  "GET /api/access-reviews/[id]",
  { params: accessReviewParamsSchema, query: accessReviewItemsQuerySchema },
  async ({ params, query }) => {
    const review = await getAccessReviewOrThrow(params.id);
    const { rows, totalResults } = await listAccessReviewItems(review.id, query);
    return {
      data: review,
      items: rows,
      meta: listMetaOf(query, totalResults),
    };
  },
);
