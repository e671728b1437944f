import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { AccountDetail } from "@/components/accounts/account-detail";
import { BalanceChart } from "@/components/balances/balance-chart";
import { CHART_DAYS, getBalanceHistory } from "@/lib/balances/history";
import { ErrorPanel } from "@/components/ui/state-panels";
import { getAccountDetail } from "@/lib/accounts/account-detail";
import { isAppError } from "@/lib/api/errors";
import { can, deniedReason } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { accountDetailOptions } from "@/lib/queries/managed-accounts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Managed account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/accounts/${encodeURIComponent(id)}`);
  if (!can(staff.role, "accounts.read")) return <ErrorPanel message={deniedReason("accounts.read")} />;
  // A malformed id never reaches an upstream path.
  if (!idSchema.safeParse(id).success) notFound();

  const queryClient = makeQueryClient();
  try {
    // The same service the API handler calls.
    queryClient.setQueryData(accountDetailOptions(id).queryKey, await getAccountDetail(id));
  } catch (error) {
    // No such account: the not-found panel (HTTP 404), with no retry to offer.
    if (isAppError(error) && error.code === "not_found") notFound();
    // Anything else is left to the browser's query, which retries and shows what went wrong.
  }

  // From our snapshots only; a database hiccup leaves the chart out rather than the page.
  const history = await getBalanceHistory(id).catch(() => null);
  const chart = history ? (
    <BalanceChart points={history.points} currency={history.currency} days={CHART_DAYS} now={history.now} />
  ) : null;

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccountDetail accountId={id} balanceChart={chart} />
    </HydrationBoundary>
  );
}
