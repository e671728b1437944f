import { withRoute } from "@/lib/api/with-route";
import { alertListAnswer } from "@/lib/balances/alert-lists";
import { alertListQuerySchema } from "@/lib/schemas/alerts";

export const dynamic = "force-dynamic";

// GET /api/alerts?status=open|acknowledged|all&page&pageSize: newest first, with the open count for the badge.
export const GET = withRoute("GET /api/alerts", { query: alertListQuerySchema }, async ({ query }) =>
  alertListAnswer(query),
);
