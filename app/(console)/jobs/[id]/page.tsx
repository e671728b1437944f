import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { getJob } from "@/lib/db/jobs";
import { toJob } from "@/lib/jobs/job-dto";
import { jobOptions } from "@/lib/queries/jobs";
import { makeQueryClient } from "@/lib/queries/query-client";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Job" };
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/jobs/${encodeURIComponent(id)}`);
  if (!can(staff.role, "accounts.read")) return <ForbiddenPanel permission="accounts.read" />;
  if (!idSchema.safeParse(id).success) notFound();
  // The job arrives with the page (same key as the browser's poll); the items load from the browser.
  const row = await getJob(id);
  if (!row) notFound();
  const queryClient = makeQueryClient();
  queryClient.setQueryData(jobOptions(id).queryKey, toJob(row));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobDetail jobId={id} />
    </HydrationBoundary>
  );
}
