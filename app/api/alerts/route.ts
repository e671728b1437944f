import { withRoute } from "@/lib/api/with-route";
import { toAlert } from "@/lib/balances/alert-dto";
import { countOpenAlerts, listAlerts } from "@/lib/db/balance-alerts";
import { alertListQuerySchema } from "@/lib/schemas/alerts";
import { listMetaOf } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/alerts?status=open|acknowledged|all&page&pageSize: newest first, with the open count for the badge.
export const GET = withRoute("GET /api/alerts", { query: alertListQuerySchema }, async ({ query }) => {
  const [{ rows, totalResults }, openCount] = await Promise.all([listAlerts(query), countOpenAlerts()]);
  return { data: rows.map(toAlert), meta: { ...listMetaOf(query, totalResults), openCount } };
});
