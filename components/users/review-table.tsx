"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { ReviewReason, ReviewUser } from "@/lib/schemas/org-users";
import { RemoveUserAction } from "./remove-user-action";
import { userColumns } from "./users-table";

const reasonLabels: Record<ReviewReason, string> = {
  never_signed_in: "never signed in",
  dormant: "dormant",
  bypasses_sso: "bypasses SSO",
};

// A large organization can flag thousands: render in steps rather than all at once.
const STEP = 100;

const columns: DataColumn<ReviewUser>[] = [
  userColumns.email,
  {
    id: "why",
    header: "Why",
    cell: (user) => (
      <span className="flex flex-wrap gap-1" data-testid="review-reasons">
        {user.reasons.map((reason) => (
          <Badge key={reason} tone="warning" data-reason={reason}>
            {reasonLabels[reason]}
          </Badge>
        ))}
      </span>
    ),
  },
  userColumns.role,
  userColumns.status,
  userColumns.lastSignIn,
  userColumns.groups,
  {
    id: "actions",
    header: "Actions",
    isHeaderHidden: true,
    className: "text-right",
    cell: (user) => <RemoveUserAction user={user} size="sm" />,
  },
];

export function ReviewTable({ users }: { users: ReviewUser[] }) {
  const [visible, setVisible] = useState(STEP);
  return (
    <div>
      <DataTable
        label="Users to review"
        testId="review-table"
        rows={users.slice(0, visible)}
        rowKey={(user) => user.id}
        rowLabel={(user) => user.email}
        rowHref={(user) => `/users/${user.id}`}
        rowData={(user) => ({ "data-user-id": user.id })}
        columns={columns}
      />
      {users.length > visible ? (
        <div className="flex flex-wrap items-center justify-center gap-3 p-3 text-sm">
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
