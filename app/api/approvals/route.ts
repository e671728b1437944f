import { withRoute } from "@/lib/api/with-route";
import { listApprovalsFor } from "@/lib/approvals/list";
import { now } from "@/lib/auth/clock";
import { approvalListQuerySchema } from "@/lib/schemas/approvals";

export const dynamic = "force-dynamic";

// GET /api/approvals?status&page&pageSize: the requests this person's role could decide, newest first
// (a viewer's list is empty).
export const GET = withRoute(
  "GET /api/approvals",
  { query: approvalListQuerySchema },
  async ({ staff, query, request }) => listApprovalsFor(staff, query, now(request.headers)),
);
