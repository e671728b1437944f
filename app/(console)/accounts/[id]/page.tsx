import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { AccountDetail } from "@/components/accounts/account-detail";
import { ErrorPanel } from "@/components/ui/state-panels";
import { getAccountDetail } from "@/lib/accounts/account-detail";
import { can, deniedReason } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { accountDetailOptions } from "@/lib/queries/managed-accounts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Managed account" };
export const dynamic = "force-dynamic";

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/accounts/${encodeURIComponent(id)}`);
  if (!can(staff.role, "accounts.read")) return <ErrorPanel message={deniedReason("accounts.read")} />;
  // A malformed id never reaches an upstream path.
  if (!idSchema.safeParse(id).success) return <ErrorPanel message="This is not a valid account id." />;

  const queryClient = makeQueryClient();
  // The same service the API handler calls; a failure is left to the browser's query to show and retry.
  await queryClient.prefetchQuery({ ...accountDetailOptions(id), queryFn: () => getAccountDetail(id) });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AccountDetail accountId={id} />
    </HydrationBoundary>
  );
}
