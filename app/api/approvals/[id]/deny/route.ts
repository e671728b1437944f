import { withRoute } from "@/lib/api/with-route";
import { denyApproval } from "@/lib/approvals/decide";
import { decisionResponse } from "@/lib/approvals/responses";
import { approvalDecisionBodySchema } from "@/lib/schemas/approvals";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/approvals/{id}/deny { reason }: refuses a pending request (the requester may withdraw their own); 409 when already decided or expired. Needs a fresh
// authentication (step-up); the handler checks the action's own permission and writes the decision's row.
export const POST = withRoute(
  "POST /api/approvals/[id]/deny",
  { params: idParamsSchema, body: approvalDecisionBodySchema, stepUp: true },
  async ({ params, body, ...context }) =>
    decisionResponse(await denyApproval(params.id, body.reason, context), context),
);
