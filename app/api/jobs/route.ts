import { listMetaOf } from "@/lib/schemas/common";
import { withRoute } from "@/lib/api/with-route";
import { listJobs } from "@/lib/db/jobs";
import { holdJobIfLarge } from "@/lib/approvals/hold-job";
import { createJob } from "@/lib/jobs/create-job";
import { toJob } from "@/lib/jobs/job-dto";
import { createJobBodySchema, jobListQuerySchema } from "@/lib/schemas/jobs";

export const dynamic = "force-dynamic";

// GET /api/jobs?status&action&page&pageSize: every bulk job, newest first.
export const GET = withRoute("GET /api/jobs", { query: jobListQuerySchema }, async ({ query }) => {
  const { rows, totalResults } = await listJobs(query);
  const now = Date.now();
  return {
    data: rows.map((row) => toJob(row, now)),
    meta: listMetaOf(query, totalResults),
  };
});

// POST /api/jobs { action, target, params, reason, confirm? } → 202. The route needs accounts.read so any
// signed-in person reaches the checks; createJob then requires the action's own permission. The job's audit
// row (intent now, outcome with counts at the end) is opened by createJob once the job has an id.
export const POST = withRoute(
  "POST /api/jobs",
  // 10,000 UUIDs as JSON are about 390 KB.
  { body: createJobBodySchema, maxBodyBytes: 512 * 1024, stepUp: true },
  async ({ body, staff, request, requestId }) => {
    // More targets than the approval policy allows: the request waits for a second person (202 too).
    const held = await holdJobIfLarge(body, { staff, request, requestId });
    if (held) return held;
    const job = await createJob(body, { staff, request, requestId });
    return Response.json({ data: toJob(job) }, { status: 202 });
  },
);
