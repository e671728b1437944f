import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SecurityView } from "@/components/security/security-view";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { mfaStatus } from "@/lib/auth/mfa/enrolment";
import { getCurrentStaff } from "@/lib/auth/session";
import { mfaKeys } from "@/lib/queries/mfa";

export const metadata: Metadata = { title: "Security" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/security");
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({
    queryKey: mfaKeys.status,
    queryFn: async () => ({ data: await mfaStatus(staff) }),
  });
  return (
    <>
      <UsersPageHeader title="Security" description="How you sign in to Subdesk." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SecurityView />
      </HydrationBoundary>
    </>
  );
}
