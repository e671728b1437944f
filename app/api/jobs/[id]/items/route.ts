import { listMetaOf } from "@/lib/schemas/common";
import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { getJob, listJobItems } from "@/lib/db/jobs";
import { toJobItem } from "@/lib/jobs/job-dto";
import { jobIdParamsSchema, jobItemListQuerySchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// GET /api/jobs/{id}/items?status&page&pageSize: each target's outcome and error, in the job's order.
export const GET = withRoute(
  "GET /api/jobs/[id]/items",
  { params: jobIdParamsSchema, query: jobItemListQuerySchema },
  async ({ params, query }) => {
    if (!(await getJob(params.id))) throw new AppError("not_found", "There is no such job.");
    const { rows, totalResults } = await listJobItems(params.id, query);
    return {
      data: rows.map(toJobItem),
      meta: listMetaOf(query, totalResults),
    };
  },
);
