import { withRoute } from "@/lib/api/with-route";
import { toDelivery } from "@/lib/balances/alert-dto";
import { listDeliveries } from "@/lib/db/webhook-deliveries";
import { deliveryListQuerySchema } from "@/lib/schemas/alerts";
import { listMetaOf } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// GET /api/webhook-deliveries?status&page&pageSize: the alert webhook's delivery log, every attempt listed.
export const GET = withRoute(
  "GET /api/webhook-deliveries",
  { query: deliveryListQuerySchema },
  async ({ query }) => {
    const { rows, totalResults } = await listDeliveries(query);
    return { data: rows.map(toDelivery), meta: listMetaOf(query, totalResults) };
  },
);
