import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { failedItemTargets, getJob } from "@/lib/db/jobs";
import { assertMayRun, retryFailed } from "@/lib/jobs/create-job";
import { toJob } from "@/lib/jobs/job-dto";
import { jobIdParamsSchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// POST /api/jobs/{id}/retry-failed → 202 with a new job of the failed items (same action, params, reason).
export const POST = withRoute(
  "POST /api/jobs/[id]/retry-failed",
  // A new job of the same change: a recent authentication, like creating one (lib/auth/step-up.ts).
  { params: jobIdParamsSchema, stepUp: true },
  async (context) => {
    const job = await getJob(context.params.id);
    if (!job) throw new AppError("not_found", "There is no such job.");
    await assertMayRun(job.action, context);
    if (job.status === "queued" || job.status === "running") {
      throw new AppError("conflict", "Wait for this job to end before retrying its failed items.");
    }
    const retry = await retryFailed(job, await failedItemTargets(job.id), context);
    return Response.json({ data: toJob(retry) }, { status: 202 });
  },
);
