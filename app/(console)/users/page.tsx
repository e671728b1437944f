import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { GroupsReportDownloads } from "@/components/users/groups-report-downloads";
import { UsersList } from "@/components/users/users-list";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { orgUserKeys } from "@/lib/queries/org-users";
import { loadOrgUserListState, toOrgUserListQuery } from "@/lib/queries/org-users-url-state";
import { listOrgUsers } from "@/lib/telnyx/org-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/users");
  if (!can(staff.role, "users.read")) return <ForbiddenPanel permission="users.read" />;

  // The same parsers the table uses, so the server fills exactly the query the browser will ask for.
  const query = toOrgUserListQuery(await loadOrgUserListState(searchParams));
  const queryClient = new QueryClient();
  // A failed prefetch is not dehydrated: the browser retries it and shows the error panel with retry.
  await queryClient.prefetchQuery({ queryKey: orgUserKeys.list(query), queryFn: () => listOrgUsers(query) });

  return (
    <>
      <UsersPageHeader
        title="Organization users"
        description="Everyone in the Telnyx organization, their groups, status and last sign-in."
      >
        <GroupsReportDownloads />
      </UsersPageHeader>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <UsersList />
      </HydrationBoundary>
    </>
  );
}
