import "server-only";
import { latestBalances } from "@/lib/balances/fleet";
import { log } from "@/lib/log";
import type { ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";
import { listManagedAccounts } from "@/lib/telnyx/managed-accounts";

/**
 * One page of accounts with each row's latest balance from the snapshots (no extra Telnyx read: Telnyx
 * gives a balance only one account at a time). The list is still worth showing without them.
 */
export async function listAccountsWithBalances(query: ManagedAccountListQuery) {
  const page = await listManagedAccounts(query);
  const balances = await latestBalances(page.data.map((account) => account.id)).catch((error: unknown) => {
    log.warn("balances.unavailable", { detail: String(error) });
    return new Map();
  });
  return {
    ...page,
    data: page.data.map((account) => {
      const latestBalance = balances.get(account.id);
      return latestBalance ? { ...account, latestBalance } : account;
    }),
  };
}
