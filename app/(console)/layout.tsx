import Link from "next/link";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { RunningJobsBadge } from "@/components/jobs/running-jobs-badge";
import { ModeBanner } from "@/components/shell/mode-banner";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { StaffProvider } from "@/components/shell/staff-context";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { getCurrentStaff } from "@/lib/auth/session";
import { listSavedViews } from "@/lib/db/saved-views";
import { makeQueryClient } from "@/lib/queries/query-client";
import { savedViewsOptions } from "@/lib/queries/saved-views";
import { getUpstream } from "@/lib/telnyx/upstream";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login");
  const { mode } = getUpstream();
  // The sidebar's saved views arrive with the page rather than popping in after it.
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    ...savedViewsOptions(),
    queryFn: async () => ({ data: await listSavedViews(staff) }),
  });

  return (
    <StaffProvider staff={{ email: staff.email, name: staff.name, role: staff.role }}>
      <div className="flex min-h-screen flex-col">
        <ModeBanner mode={mode} />
        <div className="flex flex-1">
          <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-4 md:block dark:border-slate-800 dark:bg-slate-900">
            <Link href="/" className="mb-6 block px-3 text-lg font-semibold tracking-tight">
              Subdesk
            </Link>
            <HydrationBoundary state={dehydrate(queryClient)}>
              <NavLinks />
            </HydrationBoundary>
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex flex-wrap items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-3 dark:border-slate-800 dark:bg-slate-900">
              <RunningJobsBadge />
              <div className="text-right text-sm leading-tight" data-testid="signed-in-as">
                <div className="font-medium">{staff.name}</div>
                <div className="text-slate-500 dark:text-slate-400">{staff.email}</div>
              </div>
              <Badge tone={staff.role === "admin" ? "info" : "neutral"} data-testid="signed-in-role">
                {staff.role}
              </Badge>
              <ThemeToggle />
              <SignOutButton />
            </header>
            <main className="mx-auto w-full max-w-7xl flex-1 p-6">{children}</main>
          </div>
        </div>
      </div>
    </StaffProvider>
  );
}
