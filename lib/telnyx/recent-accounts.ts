import "server-only";
import { callTelnyx } from "./client";

// The overview's "accounts created per month": creation times only, newest first, a full page at a time.
// Cancelled accounts are left in (they were created all the same); no status is derived (no extra calls).
const PAGE_SIZE = 250;

/** Creation times of accounts created since `since`, reading at most `maxPages` pages. */
export async function listAccountCreationTimes(
  since: Date,
  maxPages: number,
): Promise<{ times: Date[]; isComplete: boolean }> {
  const times: Date[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const answer = await callTelnyx(
      { operation: "ListManagedAccounts", isRetryable: true },
      (client, options) =>
        client.managedAccounts.list(
          {
            "page[number]": page,
            "page[size]": PAGE_SIZE,
            // The SDK types only the ascending sorts; Telnyx and the spec accept "-created_at" (list-params.ts).
            sort: "-created_at" as "created_at",
            include_cancelled_accounts: true,
          },
          options,
        ),
    );
    for (const item of answer.data) {
      const created = new Date(item.created_at ?? "");
      if (Number.isNaN(created.getTime())) continue;
      if (created < since) return { times, isComplete: true };
      times.push(created);
    }
    if (answer.data.length < PAGE_SIZE) return { times, isComplete: true };
  }
  return { times, isComplete: false };
}
