import { withRoute } from "@/lib/api/with-route";
import { accessReviewQuerySchema } from "@/lib/schemas/org-users";
import { getGroupsReportJson } from "@/lib/telnyx/org-users";
import { buildAccessReview } from "@/lib/users/review";

export const dynamic = "force-dynamic";

// GET /api/org-users/review?kind=dormant|never|sso_bypass&status&email: one report read, then computed.
export const GET = withRoute(
  "GET /api/org-users/review",
  { query: accessReviewQuerySchema },
  async ({ query }) => ({ ...buildAccessReview(await getGroupsReportJson(), query, new Date()) }),
);
