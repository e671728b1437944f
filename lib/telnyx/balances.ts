import "server-only";
import type { ListMeta } from "@/lib/schemas/common";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import { callTelnyx } from "./client";
import { incompleteAnswer } from "./errors";
import { toListMeta, toManagedAccount } from "./dto";

// The balance refresh's two reads: the fleet a page at a time, then each account (Telnyx shows a balance
// only on retrieve). Both are reads, so retried where safe; neither derives a status (no extra requests).

export const BALANCE_LIST_PAGE_SIZE = 250;

/** One page of the fleet (cancelled accounts left out: they make no calls), oldest first so pages stay put. */
export async function listFleetPage(page: number): Promise<{ data: ManagedAccount[]; meta: ListMeta }> {
  const asked = { page, pageSize: BALANCE_LIST_PAGE_SIZE };
  const answer = await callTelnyx(
    { operation: "ListManagedAccounts", isRetryable: true },
    (client, options) =>
      client.managedAccounts.list(
        { "page[number]": page, "page[size]": BALANCE_LIST_PAGE_SIZE, sort: "created_at" },
        options,
      ),
  );
  return { data: answer.data.map((item) => toManagedAccount(item)), meta: toListMeta(answer.meta, asked) };
}

/** One account as Telnyx has it now, balance included (none for a rolled-up account). */
export async function retrieveAccountBalance(id: string): Promise<ManagedAccount> {
  const answer = await callTelnyx(
    { operation: "RetrieveManagedAccount", isRetryable: true },
    (client, options) => client.managedAccounts.retrieve(id, options),
  );
  if (!answer.data) throw incompleteAnswer("RetrieveManagedAccount");
  return toManagedAccount(answer.data);
}
