"use client";

import { usePathname } from "next/navigation";
import { Fragment, Suspense } from "react";
import {
  Bell,
  Building2,
  ClipboardList,
  LayoutDashboard,
  ListChecks,
  ShieldCheck,
  Stamp,
  UserCog,
  Users,
  Wallet,
} from "lucide-react";
import { OpenAlertsCount } from "@/components/alerts/open-alerts-count";
import { PendingApprovalsCount } from "@/components/approvals/pending-approvals-count";
import { RunningJobsCount } from "@/components/jobs/running-jobs-badge";
import { IntentLink } from "@/components/ui/intent-link";
import { SidebarViews } from "@/components/views/sidebar-views";
import type { SavedViewList } from "@/lib/schemas/saved-views";

// Also the command palette's pages (components/shell/command-palette.tsx).
export const navLinks = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/accounts", label: "Accounts", icon: Building2 },
  { href: "/balances", label: "Balances", icon: Wallet },
  { href: "/jobs", label: "Jobs", icon: ListChecks },
  { href: "/alerts", label: "Alerts", icon: Bell },
  { href: "/users", label: "Users", icon: Users },
  { href: "/users/review", label: "Access review", icon: ShieldCheck },
  { href: "/audit", label: "Audit", icon: ClipboardList },
  { href: "/staff", label: "Staff", icon: UserCog },
  { href: "/approvals", label: "Approvals", icon: Stamp },
];

// Saved views sit under the list they open.
const viewListByHref: Record<string, SavedViewList> = { "/accounts": "accounts", "/users": "users" };

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/users") return pathname === "/users" || /^\/users\/(?!review)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {navLinks.map(({ href, label, icon: Icon }) => {
        const active = isActive(pathname, href);
        const viewList = viewListByHref[href];
        return (
          <Fragment key={href}>
            <IntentLink
              href={href}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
                  : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              <Icon aria-hidden className="size-4" />
              {label}
              {href === "/jobs" ? <RunningJobsCount /> : null}
              {href === "/alerts" ? <OpenAlertsCount /> : null}
              {href === "/approvals" ? <PendingApprovalsCount /> : null}
            </IntentLink>
            {viewList ? (
              <Suspense fallback={null}>
                <SidebarViews list={viewList} />
              </Suspense>
            ) : null}
          </Fragment>
        );
      })}
    </nav>
  );
}
