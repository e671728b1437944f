import { AppError } from "@/lib/api/errors";
import { finishWithError, openAudit } from "@/lib/api/route-audit";
import { withRoute } from "@/lib/api/with-route";
import { getJob, requestCancel } from "@/lib/db/jobs";
import { assertMayRun } from "@/lib/jobs/create-job";
import { toJob } from "@/lib/jobs/job-dto";
import { jobIdParamsSchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// POST /api/jobs/{id}/cancel: the driver finishes the item in flight and marks the rest cancelled. The
// permission is the job's action's, known only once the job is read, so the row is opened here.
export const POST = withRoute(
  "POST /api/jobs/[id]/cancel",
  { params: jobIdParamsSchema },
  async (context) => {
    const job = await getJob(context.params.id);
    if (!job) throw new AppError("not_found", "There is no such job.");
    await assertMayRun(job.action, context);
    const audit = await openAudit(context, {
      action: "job.cancel",
      targetType: "job",
      targetId: job.id,
      targetLabel: job.id,
      summary: { action: job.action },
    });
    try {
      const cancelled = await requestCancel(job.id);
      if (!cancelled) throw new AppError("conflict", `This job has already ended (${job.status}).`);
      await audit.finish({ outcome: "success" });
      return Response.json({ data: toJob(cancelled) }, { status: 202 });
    } catch (error) {
      await finishWithError(audit, error);
      throw error;
    }
  },
);
