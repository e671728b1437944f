import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { AccountsView } from "@/components/accounts/accounts-view";
import { ChannelPoolCard } from "@/components/accounts/channel-pool-card";
import { NewAccountButton } from "@/components/accounts/new-account-button";
import { IntentLink } from "@/components/ui/intent-link";
import { ErrorPanel } from "@/components/ui/state-panels";
import { can, deniedReason } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { toListQuery } from "@/lib/accounts/list-query";
import { loadAccountListUrlState } from "@/lib/accounts/url-state";
import { accountListOptions, channelPoolOptions } from "@/lib/queries/managed-accounts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { listAccountsWithBalances } from "@/lib/accounts/list-with-balances";
import { getChannelPool } from "@/lib/telnyx/managed-accounts";

export const metadata: Metadata = { title: "Managed accounts" };
export const dynamic = "force-dynamic";

export default async function AccountsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/accounts");
  if (!can(staff.role, "accounts.read")) return <ErrorPanel message={deniedReason("accounts.read")} />;

  // The same parsers and query builder as the browser, so the prefetched page is the first query's cache hit.
  const query = toListQuery(await loadAccountListUrlState(searchParams));
  const queryClient = makeQueryClient();
  // A failed prefetch is not dehydrated: the browser then asks again and shows the error or retry state.
  await Promise.all([
    queryClient.prefetchQuery({
      ...accountListOptions(query),
      queryFn: () => listAccountsWithBalances(query),
    }),
    queryClient.prefetchQuery({ ...channelPoolOptions(), queryFn: () => getChannelPool() }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Managed accounts</h1>
            <p className="text-sm text-slate-500 dark:text-slate-400">
              Sub-accounts under this manager. Open one to see its details, history and actions.{" "}
              <IntentLink href="/audit" className="underline">
                Audit trail
              </IntentLink>
            </p>
          </div>
          <NewAccountButton role={staff.role} />
        </div>
        <ChannelPoolCard />
        <AccountsView />
      </div>
    </HydrationBoundary>
  );
}
