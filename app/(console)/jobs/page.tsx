import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JobsList } from "@/components/jobs/jobs-list";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/jobs");
  if (!can(staff.role, "accounts.read")) return <ForbiddenPanel permission="accounts.read" />;
  return (
    <>
      <UsersPageHeader
        title="Jobs"
        description="Bulk changes made from the accounts list: each runs in the background at Telnyx's pace, survives a restart, and records every account it touched."
      />
      <JobsList />
    </>
  );
}
