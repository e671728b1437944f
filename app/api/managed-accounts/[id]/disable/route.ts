import { disableAccount } from "@/lib/accounts/account-changes";
import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { disableManagedAccountBodySchema } from "@/lib/schemas/managed-accounts";

export const dynamic = "force-dynamic";

// POST /api/managed-accounts/{id}/disable
export const POST = withRoute(
  "POST /api/managed-accounts/[id]/disable",
  {
    params: idParamsSchema,
    body: disableManagedAccountBodySchema,
    stepUp: true,
    audit: ({ params, body }) => ({
      action: "account.disable",
      targetType: "managed_account",
      // The intent row is written before any Telnyx call, so the id is the label we have.
      targetId: params.id,
      targetLabel: params.id,
      reason: body.reason,
    }),
  },
  async ({ params, staff, setAuditTarget }) => {
    const { value: account, notice } = await disableAccount(params.id, staff);
    setAuditTarget({ label: account.email });
    return { data: account, ...(notice ? { notice } : {}) };
  },
);
