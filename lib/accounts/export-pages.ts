// Every page of a filtered accounts list, one Telnyx request of 250 at a time, each fetched only when the
// consumer asks for it.
import "server-only";
import type { AccountExportQuery } from "@/lib/schemas/account-export";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { forgetStatusSetsFor, listManagedAccounts } from "@/lib/telnyx/managed-accounts";

/** Telnyx's largest page. */
export const exportPageSize = 250;

/**
 * Pages in the list's order, each account with its status as the list derives it. A failure (after the
 * retries callTelnyx makes, including a short Retry-After on a 429) is thrown from the `next()` that
 * asked for that page.
 */
export async function* accountPages(query: AccountExportQuery): AsyncGenerator<ManagedAccount[], void> {
  // A record for finance: statuses as Telnyx has them now, not as a list read a few seconds ago saw them
  // (the list's sets are asked with cancelled ones included; see listManagedAccounts).
  forgetStatusSetsFor({ ...query, includeCancelled: true });
  for (let page = 1; ; page += 1) {
    const result = await listManagedAccounts({ ...query, page, pageSize: exportPageSize });
    if (result.data.length > 0) yield result.data;
    // Telnyx's page count decides; without one, a short page is the last.
    const { totalPages } = result.meta;
    const isLast = totalPages > 0 ? page >= totalPages : result.data.length < exportPageSize;
    if (result.data.length === 0 || isLast) return;
  }
}
