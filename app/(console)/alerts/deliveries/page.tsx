import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeliveriesList } from "@/components/alerts/deliveries-list";
import { loadDeliveryListUrlState } from "@/components/alerts/alerts-url-state";
import { clampPage } from "@/components/ui/clamp-page";
import { BackLink } from "@/components/ui/back-link";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { deliveryListAnswer } from "@/lib/balances/alert-lists";
import { alertKeys } from "@/lib/queries/alerts";
import { readWebhookConfig } from "@/lib/webhooks/config";

export const metadata: Metadata = { title: "Webhook deliveries" };
export const dynamic = "force-dynamic";

export default async function DeliveriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/alerts/deliveries");
  if (!can(staff.role, "webhooks.read")) return <ForbiddenPanel permission="webhooks.read" />;
  const state = await loadDeliveryListUrlState(searchParams);
  const query = { status: state.status ?? undefined, page: clampPage(state.page), pageSize: state.pageSize };
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: alertKeys.deliveries(query),
    queryFn: () => deliveryListAnswer(query),
  });
  const webhook = readWebhookConfig();

  return (
    <>
      <div className="mb-3">
        <BackLink listPath="/alerts">All alerts</BackLink>
      </div>
      <UsersPageHeader
        title="Webhook deliveries"
        description={
          webhook
            ? `Alerts are posted to ${new URL(webhook.url).host}, signed (X-Subdesk-Signature), and retried with a growing wait (30 s doubling to an hour) for up to a day until the receiver answers 2xx.`
            : "No alert webhook is set up (SUBDESK_ALERT_WEBHOOK_URL); alerts are listed in the console only."
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <DeliveriesList isConfigured={webhook !== null} />
      </HydrationBoundary>
    </>
  );
}
