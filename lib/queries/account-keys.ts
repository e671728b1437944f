// The managed accounts' query keys alone: the jobs and balances queries invalidate accounts after a change,
// and importing the keys from managed-accounts.ts brought its list options and mutation hooks (about 1 kB
// gzipped) to the jobs, balances and review pages.
import type { ManagedAccountListQuery } from "@/lib/schemas/managed-accounts";

export const accountKeys = {
  all: ["managed-accounts"] as const,
  lists: () => [...accountKeys.all, "list"] as const,
  list: (query: ManagedAccountListQuery) => [...accountKeys.lists(), query] as const,
  pool: () => [...accountKeys.all, "channels"] as const,
  detail: (id: string) => [...accountKeys.all, "detail", id] as const,
};
