import { withRoute } from "@/lib/api/with-route";
import { breakGlass } from "@/lib/approvals/decide";
import { decisionResponse } from "@/lib/approvals/responses";
import { approvalDecisionBodySchema } from "@/lib/schemas/approvals";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/approvals/{id}/break-glass { reason }: the requester runs their own request when nobody else holds the permission (409 otherwise); flagged until another admin reviews it. Needs a fresh
// authentication (step-up); the handler checks the action's own permission and writes the decision's row.
export const POST = withRoute(
  "POST /api/approvals/[id]/break-glass",
  { params: idParamsSchema, body: approvalDecisionBodySchema, stepUp: true },
  async ({ params, body, ...context }) =>
    decisionResponse(await breakGlass(params.id, body.reason, context), context),
);
