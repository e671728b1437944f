"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { OrgUser } from "@/lib/schemas/org-users";
import { LastSignIn } from "./last-sign-in";
import { GroupList, RoleBadge, SsoBypassBadge, UserStatusBadge } from "./user-badges";

export const headerCellClassName =
  "px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400";
export const cellClassName = "px-3 py-2 align-top";
export const rowClassName =
  "cursor-pointer border-t border-slate-100 hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-800 dark:hover:bg-slate-800/60 dark:focus-visible:bg-slate-800";

/**
 * A row opens the user's page on click or Enter; the email stays a real link for new tabs. Clicks on the
 * row's own controls, and events bubbling up through React from a dialog portal, are left alone.
 */
export function useRowOpener() {
  const router = useRouter();
  return (id: string) => ({
    tabIndex: 0,
    onClick: (event: React.MouseEvent<HTMLTableRowElement>) => {
      const target = event.target as HTMLElement;
      if (!event.currentTarget.contains(target)) return;
      if (target.closest("a, button, input, [data-disabled-reason]")) return;
      router.push(`/users/${id}`);
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLTableRowElement>) => {
      if (event.key === "Enter" && event.target === event.currentTarget) router.push(`/users/${id}`);
    },
  });
}

export function UsersTable({ users, caption }: { users: OrgUser[]; caption: string }) {
  const rowOpener = useRowOpener();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="users-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={headerCellClassName}>
              Email
            </th>
            <th scope="col" className={headerCellClassName}>
              Role
            </th>
            <th scope="col" className={headerCellClassName}>
              Status
            </th>
            <th scope="col" className={headerCellClassName}>
              Groups
            </th>
            <th scope="col" className={headerCellClassName}>
              Last sign-in
            </th>
            <th scope="col" className={headerCellClassName}>
              SSO
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className={rowClassName} data-user-id={user.id} {...rowOpener(user.id)}>
              <td className={`${cellClassName} font-medium`}>
                <Link href={`/users/${user.id}`} tabIndex={-1} className="hover:underline">
                  {user.email}
                </Link>
              </td>
              <td className={cellClassName}>
                <RoleBadge recordType={user.recordType} />
              </td>
              <td className={cellClassName}>
                <UserStatusBadge status={user.userStatus} />
              </td>
              <td className={cellClassName}>
                <GroupList groups={user.groups} />
              </td>
              <td className={cellClassName}>
                <LastSignIn lastSignInAt={user.lastSignInAt} />
              </td>
              <td className={cellClassName}>
                <SsoBypassBadge bypassesSso={user.bypassesSso} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
