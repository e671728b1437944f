import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { BalancesList } from "@/components/balances/balances-list";
import { loadBalanceListUrlState, toBalanceQuery } from "@/components/balances/balances-url-state";
import { RefreshControl } from "@/components/balances/refresh-control";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { listFleetBalances, toBalanceRefresh } from "@/lib/balances/fleet";
import { latestRefresh } from "@/lib/db/balance-refreshes";
import { balanceListOptions, latestRefreshOptions } from "@/lib/queries/balances";
import { makeQueryClient } from "@/lib/queries/query-client";

export const metadata: Metadata = { title: "Balances" };
export const dynamic = "force-dynamic";

export default async function BalancesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/balances");
  if (!can(staff.role, "accounts.read")) return <ForbiddenPanel permission="accounts.read" />;

  const query = toBalanceQuery(await loadBalanceListUrlState(searchParams));
  const queryClient = makeQueryClient();
  // A failed prefetch is not dehydrated: the browser asks again and shows the error or retry state.
  await Promise.all([
    queryClient.prefetchQuery({ ...balanceListOptions(query), queryFn: () => listFleetBalances(query) }),
    queryClient.prefetchQuery({
      ...latestRefreshOptions(),
      queryFn: async () => {
        const row = await latestRefresh();
        return row ? toBalanceRefresh(row) : null;
      },
    }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UsersPageHeader
        title="Balances"
        description="Every account's balance as the last refresh read it, with days left at its recent spend. Rollup accounts spend the manager's balance."
      >
        <RefreshControl canRefresh={can(staff.role, "balances.refresh")} />
      </UsersPageHeader>
      <BalancesList />
    </HydrationBoundary>
  );
}
