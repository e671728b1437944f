// Shapes the account pages read that are not plain managed-account DTOs.
import type { ListMeta } from "@/lib/schemas/common";
import type { ManagedAccountDetail } from "@/lib/schemas/managed-accounts";

export type { AccountMemoryView } from "@/lib/schemas/managed-accounts";
export type AccountDetail = ManagedAccountDetail;

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
