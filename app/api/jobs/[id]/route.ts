import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { getJob } from "@/lib/db/jobs";
import { toJob } from "@/lib/jobs/job-dto";
import { jobIdParamsSchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// GET /api/jobs/{id}: counts, and the rate and ETA while it runs.
export const GET = withRoute("GET /api/jobs/[id]", { params: jobIdParamsSchema }, async ({ params }) => {
  const job = await getJob(params.id);
  if (!job) throw new AppError("not_found", "There is no such job.");
  return { data: toJob(job) };
});
