import { LogOut } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolmentGate } from "@/components/security/enrolment-gate";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getCurrentStaff } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Set up two-factor authentication" };
export const dynamic = "force-dynamic";

// Where a password sign-in that must use MFA lands (the console layout sends it here): outside the console
// shell, because until the person enrols the session may do nothing else.
export default async function EnrolMfaPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login");
  if (!staff.mfaEnrolmentRequired) redirect("/security");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight">Subdesk</p>
          <h1 className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Set up two-factor authentication
          </h1>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
            Your role must use a code from an authenticator app to sign in with a password ({staff.email}).
            Set it up to continue.
          </p>
          <EnrolmentGate />
        </div>
        <div className="mt-6 flex justify-center">
          <SignOutButton icon={<LogOut aria-hidden className="size-4" />} />
        </div>
      </div>
    </main>
  );
}
