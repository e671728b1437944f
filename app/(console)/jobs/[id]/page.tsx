import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { JobDetail } from "@/components/jobs/job-detail";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { idSchema } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "Job · Subdesk" };
export const dynamic = "force-dynamic";

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/jobs/${encodeURIComponent(id)}`);
  if (!can(staff.role, "accounts.read")) return <ForbiddenPanel permission="accounts.read" />;
  if (!idSchema.safeParse(id).success) notFound();
  return <JobDetail jobId={id} />;
}
