import { withRoute } from "@/lib/api/with-route";
import { acknowledge } from "@/lib/balances/acknowledge";
import { acknowledgeBodySchema } from "@/lib/schemas/alerts";

export const dynamic = "force-dynamic";

// POST /api/alerts/acknowledge { ids }: the alert list's selection, in one audited request.
export const POST = withRoute(
  "POST /api/alerts/acknowledge",
  {
    body: acknowledgeBodySchema,
    audit: ({ body }) => ({
      action: "alert.acknowledge",
      targetType: "balance_alert",
      summary: { count: body.ids.length, ids: body.ids.slice(0, 20) },
    }),
  },
  async ({ body, staff }) => ({ data: await acknowledge(body.ids, staff.staffId) }),
);
