import { Fragment, Suspense } from "react";
import {
  Bell,
  Building2,
  ClipboardList,
  LayoutDashboard,
  ListChecks,
  ShieldCheck,
  Stamp,
  Trash2,
  UserCog,
  Users,
  Wallet,
  type LucideIcon,
} from "lucide-react";
import { OpenAlertsCount } from "@/components/alerts/open-alerts-count";
import { PendingApprovalsCount } from "@/components/approvals/pending-approvals-count";
import { RunningJobsCount } from "@/components/jobs/running-jobs-badge";
import { SidebarViews } from "@/components/views/sidebar-views";
import type { SavedViewList } from "@/lib/schemas/saved-views";
import { NavLink } from "./nav-link";
import { navPages, type NavHref } from "./nav-pages";

// A server component: the icons arrive drawn with the page, so no console page downloads their code; only
// which link is current (./nav-link.tsx), the counts and the saved views run in the browser.
const icons: Record<NavHref, LucideIcon> = {
  "/": LayoutDashboard,
  "/accounts": Building2,
  "/balances": Wallet,
  "/jobs": ListChecks,
  "/alerts": Bell,
  "/users": Users,
  "/users/review": ShieldCheck,
  "/audit": ClipboardList,
  "/staff": UserCog,
  "/approvals": Stamp,
};

const counts: Partial<Record<NavHref, React.ReactNode>> = {
  "/jobs": <RunningJobsCount />,
  "/alerts": <OpenAlertsCount />,
  "/approvals": <PendingApprovalsCount />,
};

// Saved views sit under the list they open; their marks' icons are drawn here too.
const viewIcons = {
  shared: <Users aria-hidden className="size-3.5" />,
  delete: <Trash2 aria-hidden className="size-4" />,
};
const viewListByHref: Partial<Record<NavHref, SavedViewList>> = {
  "/accounts": "accounts",
  "/users": "users",
};

export function NavLinks() {
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {navPages.map(({ href, label }) => {
        const Icon = icons[href];
        const viewList = viewListByHref[href];
        return (
          <Fragment key={href}>
            <NavLink href={href}>
              <Icon aria-hidden className="size-4" />
              {label}
              {counts[href] ?? null}
            </NavLink>
            {viewList ? (
              <Suspense fallback={null}>
                <SidebarViews list={viewList} icons={viewIcons} />
              </Suspense>
            ) : null}
          </Fragment>
        );
      })}
    </nav>
  );
}
