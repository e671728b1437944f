// Reading Telnyx back after a change whose answer was lost (lib/accounts/reconcile.ts): what is really there.
import "server-only";
import type {
  AccountStatus,
  CreatedManagedAccount,
  CreateManagedAccountBody,
  ManagedAccount,
} from "@/lib/schemas/managed-accounts";
import { callTelnyx } from "./client";
import { toCreatedManagedAccount } from "./dto";
import { incompleteAnswer } from "./errors";
import { forgetAccountStatuses, getManagedAccount } from "./managed-accounts";

const repeatable = (operation: string) => ({ operation, isRetryable: true });

/**
 * The account as Telnyx has it now, with its status from fresh status sets (never the short-lived cache):
 * for reading back a change whose answer was lost. Throws when the status cannot be told.
 */
export async function readManagedAccountNow(id: string): Promise<ManagedAccount & { status: AccountStatus }> {
  forgetAccountStatuses();
  const account = await getManagedAccount(id);
  const { status } = account;
  if (!status) throw incompleteAnswer("ListManagedAccounts (status of one account)");
  return { ...account, status };
}

// Our clock and Telnyx's may disagree by this much when matching a creation time to our request.
const clockSkewMs = 60_000;

/**
 * Finds the account a create made when its answer was lost: by its email when the form named one (Telnyx
 * keeps emails unique), otherwise by its exact organization name; in both cases created since the request
 * (less clock skew) with the same settings. Answers it with its key, as the lost create answer would have.
 * Null when there is none; throws when several match, since then it cannot be told which one was ours.
 */
export async function findCreatedManagedAccount(
  body: CreateManagedAccountBody,
  since: Date,
): Promise<CreatedManagedAccount | null> {
  const filter = body.email
    ? { email: { eq: body.email } }
    : { organization_name: { eq: body.businessName } };
  const page = await callTelnyx(repeatable("ListManagedAccounts"), (client, options) =>
    client.managedAccounts.list(
      { filter, include_cancelled_accounts: true, "page[number]": 1, "page[size]": 250 },
      options,
    ),
  );
  const earliest = since.getTime() - clockSkewMs;
  const candidates = page.data.filter(
    (item) =>
      Date.parse(item.created_at) >= earliest &&
      (body.email
        ? item.email.toLowerCase() === body.email.toLowerCase()
        : item.organization_name === body.businessName) &&
      (item.managed_account_allow_custom_pricing ?? false) === (body.allowCustomPricing ?? false) &&
      (item.rollup_billing ?? false) === (body.rollupBilling ?? false),
  );
  if (candidates.length === 0) return null;
  if (candidates.length > 1) {
    throw new Error(
      `${candidates.length} new accounts match the lost create; cannot tell which one it made.`,
    );
  }
  const answer = await callTelnyx(repeatable("RetrieveManagedAccount"), (client, options) =>
    client.managedAccounts.retrieve(candidates[0]!.id, options),
  );
  if (!answer.data) throw incompleteAnswer("RetrieveManagedAccount");
  return toCreatedManagedAccount(answer.data);
}
