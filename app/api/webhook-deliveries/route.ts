import { withRoute } from "@/lib/api/with-route";
import { deliveryListAnswer } from "@/lib/balances/alert-lists";
import { deliveryListQuerySchema } from "@/lib/schemas/alerts";

export const dynamic = "force-dynamic";

// GET /api/webhook-deliveries?status&page&pageSize: the alert webhook's delivery log, every attempt listed.
export const GET = withRoute(
  "GET /api/webhook-deliveries",
  { query: deliveryListQuerySchema },
  async ({ query }) => deliveryListAnswer(query),
);
