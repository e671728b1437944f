// One account as the detail page shows it: Telnyx's record (with balance and derived status) plus what the
// console remembers and Telnyx will not tell back.
import "server-only";
import { getAccountMemory, type AccountMemory } from "@/lib/db/account-memory";
import type { AccountMemoryView, ManagedAccountDetail } from "@/lib/schemas/managed-accounts";
import { getManagedAccount } from "@/lib/telnyx/managed-accounts";

const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

export function toMemoryView(memory: AccountMemory | null): AccountMemoryView {
  return {
    channelLimit:
      memory?.channelLimit !== null && memory?.channelLimit !== undefined
        ? {
            value: memory.channelLimit,
            setBy: memory.channelLimitSetBy,
            setAt: isoOrNull(memory.channelLimitSetAt),
          }
        : null,
    lastToggle: memory?.lastToggle
      ? { state: memory.lastToggle, by: memory.toggledBy, at: isoOrNull(memory.toggledAt) }
      : null,
  };
}

export async function getAccountDetail(id: string): Promise<ManagedAccountDetail> {
  const [account, memory] = await Promise.all([getManagedAccount(id), getAccountMemory(id)]);
  return { ...account, memory: toMemoryView(memory) };
}
