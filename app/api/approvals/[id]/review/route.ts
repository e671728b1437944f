import { withRoute } from "@/lib/api/with-route";
import { reviewBreakGlass } from "@/lib/approvals/list";
import { decisionResponse } from "@/lib/approvals/responses";
import { now } from "@/lib/auth/clock";
import { breakGlassReviewBodySchema } from "@/lib/schemas/approvals";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/approvals/{id}/review {}: another admin has looked at a break-glass execution; the overview's
// warning goes away. The requester cannot review their own (403).
export const POST = withRoute(
  "POST /api/approvals/[id]/review",
  { params: idParamsSchema, body: breakGlassReviewBodySchema },
  async ({ params, ...context }) =>
    decisionResponse(await reviewBreakGlass(params.id, context, now(context.request.headers)), context),
);
