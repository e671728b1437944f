import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ForbiddenPanel } from "@/components/users/forbidden-panel";
import { UserDetail } from "@/components/users/user-detail";
import { isAppError } from "@/lib/api/errors";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { log } from "@/lib/log";
import { orgUserKeys } from "@/lib/queries/org-users";
import { idSchema } from "@/lib/schemas/common";
import { getOrgUser } from "@/lib/telnyx/org-users";

export const metadata: Metadata = { title: "User" };
export const dynamic = "force-dynamic";

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await getCurrentStaff();
  if (!staff) redirect(`/login?callbackUrl=/users/${encodeURIComponent(id)}`);
  if (!can(staff.role, "users.read")) return <ForbiddenPanel permission="users.read" />;
  // A malformed id never reaches the upstream path.
  if (!idSchema.safeParse(id).success) notFound();

  const queryClient = new QueryClient();
  try {
    const user = await getOrgUser(id);
    queryClient.setQueryData(orgUserKeys.detail(id), user);
  } catch (error) {
    // Gone (removed, or never existed): the not-found page, not a stale copy from the browser's cache.
    if (isAppError(error) && error.code === "not_found") notFound();
    // Anything else: the browser asks again and shows the error with a retry.
    log.warn("users page prefetch failed", {
      code: isAppError(error) ? error.code : undefined,
      detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <UserDetail id={id} />
    </HydrationBoundary>
  );
}
