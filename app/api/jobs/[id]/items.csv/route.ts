import { AppError } from "@/lib/api/errors";
import { failureOf, openAudit } from "@/lib/api/route-audit";
import { withRoute } from "@/lib/api/with-route";
import { getJob } from "@/lib/db/jobs";
import { jobItemsCsvResponse } from "@/lib/jobs/items-csv";
import { jobIdParamsSchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// GET /api/jobs/{id}/items.csv: every item's outcome, streamed; one report.export row, completed when the
// stream ends. HEAD runs the checks only and writes nothing.
export const GET = withRoute(
  "GET /api/jobs/[id]/items.csv",
  { params: jobIdParamsSchema, skipHandlerOnHead: true },
  async ({ params, ...context }) => {
    const job = await getJob(params.id);
    if (!job) throw new AppError("not_found", "There is no such job.");
    const audit = await openAudit(context, {
      action: "report.export",
      targetType: "job",
      targetId: job.id,
      targetLabel: job.id,
      summary: { report: "job_items", format: "csv", jobId: job.id },
    });
    try {
      return jobItemsCsvResponse(job, audit);
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
