"use client";

// The command palette's searches: accounts by part of an email or of an organization name (two list reads,
// merged), and organization users by part of an email. Debounced, and only from 3 characters, which is
// what Telnyx's contains-filters accept.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/lib/queries/fetch-json";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";
import type { OrgUser } from "@/lib/schemas/org-users";

export const minSearchLength = 3;
const typingPauseMs = 250;
const resultsPerSearch = 5;

export function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), typingPauseMs);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

function listUrl(path: string, params: Record<string, string>): string {
  return `${path}?${new URLSearchParams({ ...params, page: "1", pageSize: String(resultsPerSearch) })}`;
}

export function useAccountSearch(term: string, isAllowed: boolean) {
  return useQuery({
    queryKey: ["palette", "accounts", term],
    enabled: isAllowed && term.length >= minSearchLength,
    staleTime: 30_000,
    queryFn: async ({ signal }) => {
      const read = (params: Record<string, string>) =>
        fetchJson<{ data: ManagedAccount[] }>(listUrl("/api/managed-accounts", params), { signal });
      const [byEmail, byOrg] = await Promise.all([
        read({ email: term, emailMatch: "contains" }),
        read({ org: term, orgMatch: "contains" }),
      ]);
      const merged = new Map<string, ManagedAccount>();
      for (const account of [...byEmail.data, ...byOrg.data]) merged.set(account.id, account);
      return [...merged.values()];
    },
  });
}

export function useUserSearch(term: string, isAllowed: boolean) {
  return useQuery({
    queryKey: ["palette", "users", term],
    enabled: isAllowed && term.length >= minSearchLength,
    staleTime: 30_000,
    queryFn: async ({ signal }) =>
      (await fetchJson<{ data: OrgUser[] }>(listUrl("/api/org-users", { email: term }), { signal })).data,
  });
}
