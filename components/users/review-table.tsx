"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { ReviewReason, ReviewUser } from "@/lib/schemas/org-users";
import { LastSignIn } from "./last-sign-in";
import { RemoveUserAction } from "./remove-user-action";
import { GroupList, RoleBadge, UserStatusBadge } from "./user-badges";
import { cellClassName, headerCellClassName, rowClassName, useRowOpener } from "./users-table";

const reasonLabels: Record<ReviewReason, string> = {
  never_signed_in: "never signed in",
  dormant: "dormant",
  bypasses_sso: "bypasses SSO",
};

// A large organization can flag thousands: render in steps rather than all at once.
const STEP = 100;

export function ReviewTable({ users }: { users: ReviewUser[] }) {
  const rowOpener = useRowOpener();
  const [visible, setVisible] = useState(STEP);
  const shown = users.slice(0, visible);
  const headers = ["Email", "Why", "Role", "Status", "Last sign-in", "Groups"];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="review-table">
        <caption className="sr-only">Users to review</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={headerCellClassName}>
                {header}
              </th>
            ))}
            <th scope="col" className={headerCellClassName}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((user) => (
            <tr key={user.id} className={rowClassName} data-user-id={user.id} {...rowOpener(user.id)}>
              <td className={`${cellClassName} font-medium`}>
                <Link href={`/users/${user.id}`} tabIndex={-1} className="hover:underline">
                  {user.email}
                </Link>
              </td>
              <td className={cellClassName}>
                <span className="flex flex-wrap gap-1" data-testid="review-reasons">
                  {user.reasons.map((reason) => (
                    <Badge key={reason} tone="warning" data-reason={reason}>
                      {reasonLabels[reason]}
                    </Badge>
                  ))}
                </span>
              </td>
              <td className={cellClassName}>
                <RoleBadge recordType={user.recordType} />
              </td>
              <td className={cellClassName}>
                <UserStatusBadge status={user.userStatus} />
              </td>
              <td className={cellClassName}>
                <LastSignIn lastSignInAt={user.lastSignInAt} />
              </td>
              <td className={cellClassName}>
                <GroupList groups={user.groups} />
              </td>
              <td className={`${cellClassName} text-right`}>
                <RemoveUserAction user={user} size="sm" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.length > visible ? (
        <div className="flex items-center justify-center gap-3 p-3 text-sm">
          <span>
            Showing {visible} of {users.length}
          </span>
          <Button variant="secondary" size="sm" onClick={() => setVisible((count) => count + STEP)}>
            Show {Math.min(STEP, users.length - visible)} more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
