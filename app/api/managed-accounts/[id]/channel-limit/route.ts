import { setChannelLimit } from "@/lib/accounts/account-changes";
import { withRoute } from "@/lib/api/with-route";
import { getAccountMemory } from "@/lib/db/account-memory";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateChannelLimitBodySchema } from "@/lib/schemas/managed-accounts";
import { getManagedAccount } from "@/lib/telnyx/managed-accounts";

export const dynamic = "force-dynamic";

// PUT /api/managed-accounts/{id}/channel-limit: checked against the pool before Telnyx is asked.
export const PUT = withRoute(
  "PUT /api/managed-accounts/[id]/channel-limit",
  {
    params: idParamsSchema,
    body: updateChannelLimitBodySchema,
    audit: async ({ params, body }) => {
      // Telnyx cannot tell the old limit back; the last one the console set is the best "before" there is.
      const previous = (await getAccountMemory(params.id))?.channelLimit;
      return {
        action: "account.channel_limit.update",
        targetType: "managed_account",
        targetId: params.id,
        targetLabel: params.id,
        reason: body.reason,
        summary: {
          channelLimit: body.channelLimit,
          ...(typeof previous === "number" ? { previousChannelLimit: previous } : {}),
        },
      };
    },
  },
  async ({ params, body, staff, setAuditTarget }) => {
    const { value, notice } = await setChannelLimit(params.id, body.channelLimit, staff);
    // The limit's answer does not carry the account; name it by email like the other account rows do.
    // Best effort: the limit is already set, so a failed read leaves the id as the label and nothing else.
    await getManagedAccount(params.id).then(
      (account) => setAuditTarget({ label: account.email }),
      () => undefined,
    );
    return { data: value, ...(notice ? { notice } : {}) };
  },
);
