import { withRoute } from "@/lib/api/with-route";
import { toAlertThreshold } from "@/lib/balances/alert-dto";
import { defaultThreshold } from "@/lib/balances/thresholds";
import { getThresholdOverride, setThresholdOverride } from "@/lib/db/balance-alerts";
import { alertThresholdBodySchema } from "@/lib/schemas/alerts";
import { idParamsSchema } from "@/lib/schemas/common";
import { retrieveAccountBalance } from "@/lib/telnyx/balances";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts/{id}/alert-threshold: the line that applies (own or default) and its recovery line.
export const GET = withRoute(
  "GET /api/managed-accounts/[id]/alert-threshold",
  { params: idParamsSchema },
  async ({ params }) => ({ data: toAlertThreshold(params.id, await getThresholdOverride(params.id)) }),
);

// PUT /api/managed-accounts/{id}/alert-threshold { threshold, reason }: the account's own low-balance line,
// or null to follow the default again. Audited with the old and new values; the next refresh applies it.
export const PUT = withRoute(
  "PUT /api/managed-accounts/[id]/alert-threshold",
  {
    params: idParamsSchema,
    body: alertThresholdBodySchema,
    audit: async ({ params, body }) => {
      const previous = toAlertThreshold(params.id, await getThresholdOverride(params.id));
      return {
        action: "account.alert_threshold.update",
        targetType: "managed_account",
        targetId: params.id,
        targetLabel: params.id,
        reason: body.reason,
        summary: {
          threshold: body.threshold ?? defaultThreshold(),
          isDefault: body.threshold === null,
          previousThreshold: previous.threshold,
          previousIsDefault: previous.isDefault,
        },
      };
    },
  },
  async ({ params, body, staff }) => {
    // The account must exist (404 otherwise): a threshold row for an id Telnyx does not have is litter.
    // One retrieve, without the status derivation getManagedAccount adds.
    await retrieveAccountBalance(params.id);
    await setThresholdOverride(params.id, body.threshold, staff.staffId);
    return { data: toAlertThreshold(params.id, await getThresholdOverride(params.id)) };
  },
);
