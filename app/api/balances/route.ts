import { withRoute } from "@/lib/api/with-route";
import { listFleetBalances } from "@/lib/balances/fleet";
import { balanceListQuerySchema } from "@/lib/schemas/balances";

export const dynamic = "force-dynamic";

// GET /api/balances?sort=balance|days_left&order&belowThreshold&page&pageSize: every account's latest
// balance from the snapshots, with its spend rate, days left and threshold.
export const GET = withRoute("GET /api/balances", { query: balanceListQuerySchema }, async ({ query }) =>
  listFleetBalances(query),
);
