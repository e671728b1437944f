import { setCustomPricing } from "@/lib/accounts/account-changes";
import { getAccountDetail } from "@/lib/accounts/account-detail";
import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { updatePricingBodySchema } from "@/lib/schemas/managed-accounts";
import { getManagedAccount } from "@/lib/telnyx/managed-accounts";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts/{id}: the account with balance, status and what the console remembers.
export const GET = withRoute(
  "GET /api/managed-accounts/[id]",
  { params: idParamsSchema },
  async ({ params }) => ({ data: await getAccountDetail(params.id) }),
);

// The value being replaced, so the trail can say "custom pricing on → off". Best effort and brief: when
// Telnyx cannot be read within 2 s the change still goes ahead and the row says "set to off" instead.
async function previousPricing(id: string): Promise<{ previousAllowCustomPricing?: boolean }> {
  const giveUp = new Promise<null>((resolve) => setTimeout(resolve, 2_000, null).unref());
  const account = await Promise.race([getManagedAccount(id).catch(() => null), giveUp]);
  return account ? { previousAllowCustomPricing: account.allowCustomPricing } : {};
}

// PATCH /api/managed-accounts/{id}: custom pricing on or off, with a reason for the audit trail (the only
// field Telnyx lets us change).
export const PATCH = withRoute(
  "PATCH /api/managed-accounts/[id]",
  {
    params: idParamsSchema,
    body: updatePricingBodySchema,
    audit: async ({ params, body }) => ({
      action: "account.pricing.update",
      targetType: "managed_account",
      targetId: params.id,
      targetLabel: params.id,
      reason: body.reason,
      summary: { allowCustomPricing: body.allowCustomPricing, ...(await previousPricing(params.id)) },
    }),
  },
  async ({ params, body, setAuditTarget }) => {
    const { value: account, notice } = await setCustomPricing(params.id, body.allowCustomPricing);
    setAuditTarget({ label: account.email });
    return { data: account, ...(notice ? { notice } : {}) };
  },
);
