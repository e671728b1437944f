import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateForm } from "@/components/accounts/create-form";
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
      <div>
        <Link href="/accounts" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
          ← All accounts
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New managed account</h1>
      </div>
      {can(staff.role, "accounts.create") ? (
        <CreateForm />
      ) : (
        <ErrorPanel message={`You cannot create accounts. ${deniedReason("accounts.create")}`} />
      )}
    </div>
  );
}
