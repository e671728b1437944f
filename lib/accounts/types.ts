// Shapes the account pages read that are not plain managed-account DTOs.
import type { ListMeta } from "@/lib/schemas/common";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

// TODO(accounts-api): switch to the detail type in lib/schemas/managed-accounts.ts once it lands.
export interface AccountMemoryView {
  channelLimit: { value: number; setBy: string | null; setAt: string | null } | null;
  lastToggle: { state: "enabled" | "disabled"; by: string | null; at: string | null } | null;
}
export type AccountDetail = ManagedAccount & { memory: AccountMemoryView };

/** One row of GET /api/audit, as far as the account history shows it. */
export interface AccountHistoryEntry {
  id: string;
  occurredAt: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  reason: string | null;
  outcome: string;
  upstreamStatus?: number | null;
  requestSummary?: Record<string, unknown> | null;
}

export interface AccountHistoryPage {
  data: AccountHistoryEntry[];
  meta: ListMeta;
}
