import { createAccountOnce, idempotencyKeyOf } from "@/lib/accounts/create-account";
import { withRoute } from "@/lib/api/with-route";
import {
  createManagedAccountBodySchema,
  managedAccountListQuerySchema,
} from "@/lib/schemas/managed-accounts";
import { listAccountsWithBalances } from "@/lib/accounts/list-with-balances";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts: one page of accounts, each with its derived status and latest stored balance.
export const GET = withRoute(
  "GET /api/managed-accounts",
  { query: managedAccountListQuerySchema },
  async ({ query }) => ({ ...(await listAccountsWithBalances(query)) }),
);

// POST /api/managed-accounts: create (never retried; a double submit with one Idempotency-Key makes one).
export const POST = withRoute(
  "POST /api/managed-accounts",
  {
    body: createManagedAccountBodySchema,
    audit: ({ body, request }) => ({
      action: "account.create",
      targetType: "managed_account",
      // The id exists only after Telnyx answers; the intent row names what is being created.
      targetLabel: body.email ?? body.businessName,
      summary: {
        businessName: body.businessName,
        email: body.email ?? null,
        allowCustomPricing: body.allowCustomPricing ?? false,
        rollupBilling: body.rollupBilling ?? false,
        // Checked here, before the intent row, so a malformed header writes nothing.
        idempotencyKey: idempotencyKeyOf(request) ?? null,
      },
    }),
  },
  async ({ body, staff, request, setAuditTarget }) => {
    const answer = await createAccountOnce(body, staff, idempotencyKeyOf(request));
    setAuditTarget({ id: answer.data.id });
    return answer;
  },
);
