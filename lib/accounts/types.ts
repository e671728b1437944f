// Shapes the account pages read that are not plain managed-account DTOs.
import type { ManagedAccountDetail } from "@/lib/schemas/managed-accounts";

export type { AccountMemoryView } from "@/lib/schemas/managed-accounts";
export type AccountDetail = ManagedAccountDetail;
