import { setChannelLimit } from "@/lib/accounts/account-changes";
import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateChannelLimitBodySchema } from "@/lib/schemas/managed-accounts";

export const dynamic = "force-dynamic";

// PUT /api/managed-accounts/{id}/channel-limit: checked against the pool before Telnyx is asked.
export const PUT = withRoute(
  "PUT /api/managed-accounts/[id]/channel-limit",
  {
    params: idParamsSchema,
    body: updateChannelLimitBodySchema,
    audit: ({ params, body }) => ({
      action: "account.channel_limit.update",
      targetType: "managed_account",
      targetId: params.id,
      targetLabel: params.id,
      reason: body.reason,
      summary: { channelLimit: body.channelLimit },
    }),
  },
  async ({ params, body, staff }) => {
    const { value, notice } = await setChannelLimit(params.id, body.channelLimit, staff);
    return { data: value, ...(notice ? { notice } : {}) };
  },
);
