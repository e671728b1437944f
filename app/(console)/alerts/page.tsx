import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AlertsList } from "@/components/alerts/alerts-list";
import { loadAlertListUrlState } from "@/components/alerts/alerts-url-state";
import { clampPage } from "@/components/ui/clamp-page";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { alertListAnswer } from "@/lib/balances/alert-lists";
import { recoveryLine } from "@/lib/balances/alert-state";
import { defaultThreshold } from "@/lib/balances/thresholds";
import { alertKeys } from "@/lib/queries/alerts";

export const metadata: Metadata = { title: "Alerts" };
export const dynamic = "force-dynamic";

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/alerts");
  if (!can(staff.role, "accounts.read")) return <ForbiddenPanel permission="accounts.read" />;
  const state = await loadAlertListUrlState(searchParams);
  const query = { status: state.status, page: clampPage(state.page), pageSize: state.pageSize };
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: alertKeys.list(query), queryFn: () => alertListAnswer(query) });
  const threshold = defaultThreshold();

  return (
    <>
      <UsersPageHeader
        title="Alerts"
        description={`Accounts whose balance fell below their threshold (${threshold} by default, or the account's own), and those that recovered: back at the threshold plus 10% (${recoveryLine(threshold)} for the default), so a balance wobbling around the line alerts once.`}
      >
        {can(staff.role, "webhooks.read") ? (
          <Link href="/alerts/deliveries" className="text-sm text-brand-700 underline dark:text-brand-300">
            Webhook delivery log
          </Link>
        ) : null}
      </UsersPageHeader>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AlertsList />
      </HydrationBoundary>
    </>
  );
}
