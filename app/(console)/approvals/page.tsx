import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ApprovalsList } from "@/components/approvals/approvals-list";
import { loadApprovalListUrlState } from "@/components/approvals/approvals-url-state";
import { clampPage } from "@/components/ui/clamp-page";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { listApprovalsFor } from "@/lib/approvals/list";
import { now } from "@/lib/auth/clock";
import { getCurrentStaff } from "@/lib/auth/session";
import { approvalKeys } from "@/lib/queries/approvals";

export const metadata: Metadata = { title: "Approvals" };
export const dynamic = "force-dynamic";

export default async function ApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/approvals");
  const state = await loadApprovalListUrlState(searchParams);
  const query = {
    status: state.status === "all" ? null : state.status,
    page: clampPage(state.page),
    pageSize: state.pageSize,
  };
  const queryClient = new QueryClient();
  // The same clock as the API's answer (tests move it forward by a header; live mode ignores it).
  const at = now(await headers());
  await queryClient.prefetchQuery({
    queryKey: approvalKeys.list(query),
    queryFn: () => listApprovalsFor(staff, { ...query, status: query.status ?? undefined }, at),
  });
  return (
    <>
      <UsersPageHeader
        title="Approvals"
        description="The most damaging changes wait here for a second staff member: removing a user, a bulk job of more than 25 items, making someone an admin. A request is approved once, exactly as asked, within 24 hours."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ApprovalsList />
      </HydrationBoundary>
    </>
  );
}
