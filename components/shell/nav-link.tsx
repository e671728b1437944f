"use client";

import { usePathname } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/users") return pathname === "/users" || /^\/users\/(?!review)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** One sidebar link, marked current on its page (and its sub-pages). The icon and count come drawn. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const active = isActive(usePathname(), href);
  return (
    <IntentLink
      href={href}
      aria-current={active ? "page" : undefined}
      className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
        active
          ? "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white"
          : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
      }`}
    >
      {children}
    </IntentLink>
  );
}
