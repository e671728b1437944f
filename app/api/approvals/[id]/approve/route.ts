import { withRoute } from "@/lib/api/with-route";
import { approveApproval } from "@/lib/approvals/decide";
import { decisionResponse } from "@/lib/approvals/responses";
import { approvalDecisionBodySchema } from "@/lib/schemas/approvals";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/approvals/{id}/approve { reason }: approves another person's request (never one's own: 403) and runs it once, as the direct route would; 409 when already decided or expired. Needs a fresh
// authentication (step-up); the handler checks the action's own permission and writes the decision's row.
export const POST = withRoute(
  "POST /api/approvals/[id]/approve",
  { params: idParamsSchema, body: approvalDecisionBodySchema, stepUp: true },
  async ({ params, body, ...context }) =>
    decisionResponse(await approveApproval(params.id, body.reason, context), context),
);
