import { enableAccount } from "@/lib/accounts/account-changes";
import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { enableManagedAccountBodySchema } from "@/lib/schemas/managed-accounts";

export const dynamic = "force-dynamic";

// POST /api/managed-accounts/{id}/enable
export const POST = withRoute(
  "POST /api/managed-accounts/[id]/enable",
  {
    params: idParamsSchema,
    body: enableManagedAccountBodySchema,
    audit: ({ params, body }) => ({
      action: "account.enable",
      targetType: "managed_account",
      targetId: params.id,
      targetLabel: params.id,
      reason: body.reason,
      summary: { reenableAllConnections: body.reenableAllConnections ?? false },
    }),
  },
  async ({ params, body, staff, setAuditTarget }) => {
    const { value: account, notice } = await enableAccount(params.id, staff, {
      reenableAllConnections: body.reenableAllConnections,
    });
    setAuditTarget({ label: account.email });
    return { data: account, ...(notice ? { notice } : {}) };
  },
);
