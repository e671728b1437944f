// What the console remembers because Telnyx will not tell it back: the last channel limit it set per
// account (there is no read of it) and the last enable/disable it did.
import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "./connection";
import { getDb } from "./client";
import { accountMemory, type AccountMemoryRow } from "./schema";

export type AccountMemory = AccountMemoryRow;
export type ToggleState = "enabled" | "disabled";

/** Who made the change, as the audit trail names them. */
export interface RememberedBy {
  email: string;
}

export async function rememberChannelLimit(
  accountId: string,
  limit: number,
  by: RememberedBy,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  const values = { channelLimit: limit, channelLimitSetBy: by.email, channelLimitSetAt: new Date() };
  await database
    .insert(accountMemory)
    .values({ managedAccountId: accountId, ...values })
    .onConflictDoUpdate({ target: accountMemory.managedAccountId, set: values });
}

export async function rememberToggle(
  accountId: string,
  state: ToggleState,
  by: RememberedBy,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  const values = { lastToggle: state, toggledBy: by.email, toggledAt: new Date() };
  await database
    .insert(accountMemory)
    .values({ managedAccountId: accountId, ...values })
    .onConflictDoUpdate({ target: accountMemory.managedAccountId, set: values });
}

export async function getAccountMemory(accountId: string, db?: Db): Promise<AccountMemory | null> {
  const database = db ?? (await getDb());
  const [row] = await database
    .select()
    .from(accountMemory)
    .where(eq(accountMemory.managedAccountId, accountId));
  return row ?? null;
}

/** For a list page: one query for the visible accounts, keyed by id (absent ids have no memory). */
export async function getAccountMemories(
  accountIds: readonly string[],
  db?: Db,
): Promise<Map<string, AccountMemory>> {
  if (accountIds.length === 0) return new Map();
  const database = db ?? (await getDb());
  const rows = await database
    .select()
    .from(accountMemory)
    .where(inArray(accountMemory.managedAccountId, [...new Set(accountIds)]));
  return new Map(rows.map((row) => [row.managedAccountId, row]));
}
