import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditView } from "@/components/audit/audit-view";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { getAuditEventDto, listAuditEvents } from "@/lib/audit/audit-events";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { auditKeys } from "@/lib/queries/audit";
import { loadAuditUrlState, toAuditListQuery } from "@/lib/queries/audit-url-state";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Audit trail" };
export const dynamic = "force-dynamic";

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/audit");
  if (!can(staff.role, "audit.read")) return <ForbiddenPanel permission="audit.read" />;

  // The same parsers the table uses, so the server fills exactly the query the browser will ask for.
  const state = await loadAuditUrlState(searchParams);
  const query = toAuditListQuery(state);
  const queryClient = new QueryClient();
  const prefetches = [
    queryClient.prefetchQuery({ queryKey: auditKeys.list(query), queryFn: () => listAuditEvents(query) }),
  ];
  // A linked detail view (?event=) opens filled in too.
  if (state.event && idSchema.safeParse(state.event).success) {
    const id = state.event;
    prefetches.push(
      queryClient.prefetchQuery({ queryKey: auditKeys.detail(id), queryFn: () => getAuditEventDto(id) }),
    );
  }
  await Promise.all(prefetches);

  return (
    <>
      <UsersPageHeader
        title="Audit trail"
        description="Every change, export, sign-in and refused request made through Subdesk: who, what, when, and how it ended."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditView />
      </HydrationBoundary>
    </>
  );
}
