import { KeyRound, LogOut, Menu, Moon, Search, Sun } from "lucide-react";
import { redirect } from "next/navigation";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { RunningJobsBadge } from "@/components/jobs/running-jobs-badge";
import { CommandPalette } from "@/components/shell/command-palette";
import { MobileNav } from "@/components/shell/mobile-nav";
import { ModeBanner } from "@/components/shell/mode-banner";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { StaffProvider } from "@/components/shell/staff-context";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { IntentLink } from "@/components/ui/intent-link";
import { getCurrentStaff } from "@/lib/auth/session";
import { makeQueryClient } from "@/lib/queries/query-client";
import { getUpstream } from "@/lib/telnyx/upstream";
import { prefetchShellData } from "./shell-data";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login");
  // A password sign-in that must use MFA and has not enrolled: enrolment first (app/(auth)/enrol-mfa).
  if (staff.mfaEnrolmentRequired) redirect("/enrol-mfa");
  const { mode } = getUpstream();
  // The sidebar's saved views and the shell's counts arrive with the page rather than popping in after it.
  const queryClient = makeQueryClient();
  await prefetchShellData(queryClient, staff);

  return (
    <StaffProvider staff={{ email: staff.email, name: staff.name, role: staff.role }}>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <div className="flex min-h-screen flex-col">
          <a
            href="#content"
            // not-sr-only resets padding, so the padding is given again under focus.
            className="sr-only rounded-md bg-white text-sm font-medium text-brand-700 shadow-lg ring-2 ring-brand-500 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2 dark:bg-slate-900 dark:text-brand-300"
          >
            Skip to content
          </a>
          <ModeBanner mode={mode} />
          <div className="flex flex-1">
            <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-4 md:block dark:border-slate-800 dark:bg-slate-900">
              <IntentLink href="/" className="mb-6 block px-3 text-lg font-semibold tracking-tight">
                Subdesk
              </IntentLink>
              <NavLinks />
            </aside>
            <div className="flex min-w-0 flex-1 flex-col">
              <header className="flex flex-wrap items-center justify-end gap-1.5 border-b border-slate-200 bg-white px-3 py-2 sm:gap-3 md:px-6 md:py-3 dark:border-slate-800 dark:bg-slate-900">
                {/* The header's icons are drawn here, on the server: no page downloads their code. */}
                <MobileNav
                  signedInAs={{ name: staff.name, email: staff.email }}
                  icon={<Menu aria-hidden className="size-5" />}
                >
                  <NavLinks />
                </MobileNav>
                <IntentLink
                  href="/"
                  className="mr-auto text-base font-semibold tracking-tight sm:text-lg md:hidden"
                >
                  Subdesk
                </IntentLink>
                <CommandPalette icon={<Search aria-hidden className="size-4" />} />
                <RunningJobsBadge />
                <div
                  className="hidden min-w-0 text-right text-sm leading-tight sm:block"
                  data-testid="signed-in-as"
                >
                  <div className="truncate font-medium">{staff.name}</div>
                  <div className="truncate text-slate-600 dark:text-slate-400">{staff.email}</div>
                </div>
                <Badge tone={staff.role === "admin" ? "info" : "neutral"} data-testid="signed-in-role">
                  {staff.role}
                </Badge>
                <IntentLink
                  href="/security"
                  aria-label="Security settings"
                  title="Security"
                  className="rounded-md p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800"
                >
                  <KeyRound aria-hidden className="size-4" />
                </IntentLink>
                <ThemeToggle>
                  <Sun aria-hidden className="size-4 dark:hidden" />
                  <Moon aria-hidden className="hidden size-4 dark:block" />
                </ThemeToggle>
                <SignOutButton icon={<LogOut aria-hidden className="size-4" />} />
              </header>
              <main
                id="content"
                tabIndex={-1}
                className="mx-auto w-full max-w-7xl flex-1 p-4 focus:outline-none md:p-6"
              >
                {children}
              </main>
            </div>
          </div>
        </div>
      </HydrationBoundary>
    </StaffProvider>
  );
}
