import { setCustomPricing } from "@/lib/accounts/account-changes";
import { getAccountDetail } from "@/lib/accounts/account-detail";
import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { updatePricingBodySchema } from "@/lib/schemas/managed-accounts";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts/{id}: the account with balance, status and what the console remembers.
export const GET = withRoute(
  "GET /api/managed-accounts/[id]",
  { params: idParamsSchema },
  async ({ params }) => ({ data: await getAccountDetail(params.id) }),
);

// PATCH /api/managed-accounts/{id}: custom pricing on or off, with a reason for the audit trail (the only
// field Telnyx lets us change).
export const PATCH = withRoute(
  "PATCH /api/managed-accounts/[id]",
  {
    params: idParamsSchema,
    body: updatePricingBodySchema,
    audit: ({ params, body }) => ({
      action: "account.pricing.update",
      targetType: "managed_account",
      targetId: params.id,
      targetLabel: params.id,
      reason: body.reason,
      summary: { allowCustomPricing: body.allowCustomPricing },
    }),
  },
  async ({ params, body, setAuditTarget }) => {
    const { value: account, notice } = await setCustomPricing(params.id, body.allowCustomPricing);
    setAuditTarget({ label: account.email });
    return { data: account, ...(notice ? { notice } : {}) };
  },
);
