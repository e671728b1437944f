import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateForm } from "@/components/accounts/create-form";
import { BackLink } from "@/components/ui/back-link";
import { ErrorPanel } from "@/components/ui/state-panels";
import { can, deniedReason } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New managed account" };
export const dynamic = "force-dynamic";

export default async function NewAccountPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/accounts/new");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <BackLink listPath="/accounts">All accounts</BackLink>
        <h1 className="text-2xl font-semibold tracking-tight">New managed account</h1>
      </div>
      {can(staff.role, "accounts.create") ? (
        <CreateForm />
      ) : (
        <ErrorPanel message={`You cannot create accounts. ${deniedReason("accounts.create")}`} />
      )}
    </div>
  );
}
