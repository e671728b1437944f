import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AddStaffDialog } from "@/components/staff/add-staff-dialog";
import { AdminsOnlyPanel } from "@/components/staff/admins-only-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { StaffView } from "@/components/staff/staff-view";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { staffKeys } from "@/lib/queries/staff";
import { listStaffResult } from "@/lib/staff/staff-admin";

export const metadata: Metadata = { title: "Staff" };
export const dynamic = "force-dynamic";

export default async function StaffPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/staff");
  if (!can(staff.role, "staff.manage")) return <AdminsOnlyPanel role={staff.role} />;

  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ queryKey: staffKeys.list(), queryFn: listStaffResult });

  return (
    <>
      <UsersPageHeader
        title="Staff"
        description="The people who sign in to Subdesk, their roles, and who may no longer sign in."
      >
        <AddStaffDialog />
      </UsersPageHeader>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <StaffView />
      </HydrationBoundary>
    </>
  );
}
