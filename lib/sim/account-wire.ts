import { balanceCentsAt } from "./spend";
import type { SimStore } from "./store";
import type { AccountRecord } from "./types";

// Wire shapes, field by field: only what the spec documents, never the internal status or channel limit.

const formatCents = (cents: number): string => {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
};

export function accountListItem(account: AccountRecord, store: SimStore) {
  return {
    id: account.id,
    record_type: "managed_account" as const,
    email: account.email,
    api_user: store.managerEmail,
    manager_account_id: store.manager.id,
    organization_name: account.organizationName,
    managed_account_allow_custom_pricing: account.allowCustomPricing,
    rollup_billing: account.rollupBilling,
    created_at: account.createdAt,
    updated_at: account.updatedAt,
  };
}

/** The full object (retrieve, create, update, enable, disable): adds the secrets and, unless rolled up, a balance. */
export function accountDetail(account: AccountRecord, store: SimStore) {
  const detail = {
    ...accountListItem(account, store),
    api_key: account.apiKey,
    api_token: account.apiToken,
  };
  // A rolled-up account spends the manager's balance and has none of its own (balance is optional in the spec).
  if (account.rollupBilling) return detail;
  const balance = balanceCentsAt(account, store.now());
  return {
    ...detail,
    balance: {
      record_type: "balance" as const,
      balance: formatCents(balance),
      credit_limit: formatCents(account.creditLimitCents),
      available_credit: formatCents(balance + account.creditLimitCents),
      currency: "USD",
    },
  };
}
