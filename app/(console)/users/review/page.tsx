import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ReviewCampaigns } from "@/components/access-reviews/review-campaigns";
import { AccessReview } from "@/components/users/access-review";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UsersPageHeader } from "@/components/users/users-page-header";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { orgUserKeys } from "@/lib/queries/org-users";
import { loadOrgUserReviewState, toAccessReviewQuery } from "@/lib/queries/org-users-url-state";
import { getGroupsReportJson } from "@/lib/telnyx/org-users";
import { buildAccessReview } from "@/lib/users/review";

export const metadata: Metadata = { title: "Access review" };
export const dynamic = "force-dynamic";

export default async function AccessReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login?callbackUrl=/users/review");
  if (!can(staff.role, "users.read")) return <ForbiddenPanel permission="users.read" />;

  const query = toAccessReviewQuery(await loadOrgUserReviewState(searchParams));
  const queryClient = new QueryClient();
  // The same computation as GET /api/org-users/review, without the HTTP hop.
  await queryClient.prefetchQuery({
    queryKey: orgUserKeys.review(query),
    queryFn: async () => buildAccessReview(await getGroupsReportJson(), query, new Date()),
  });

  return (
    <>
      <UsersPageHeader
        title="Access review"
        description="Users who never signed in or not for 90 days, and users who bypass single sign-on."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="flex flex-col gap-6">
          <ReviewCampaigns />
          <AccessReview />
        </div>
      </HydrationBoundary>
    </>
  );
}
