import { withRoute } from "@/lib/api/with-route";
import { acknowledge } from "@/lib/balances/acknowledge";
import { idParamsSchema } from "@/lib/schemas/common";

export const dynamic = "force-dynamic";

// POST /api/alerts/{id}/acknowledge: someone has seen it; acknowledging twice changes nothing.
export const POST = withRoute(
  "POST /api/alerts/[id]/acknowledge",
  {
    params: idParamsSchema,
    audit: ({ params }) => ({
      action: "alert.acknowledge",
      targetType: "balance_alert",
      targetId: params.id,
      summary: { count: 1 },
    }),
  },
  async ({ params, staff }) => {
    const result = await acknowledge([params.id], staff.staffId, { isOne: true });
    return { data: result };
  },
);
