"use client";

import { DataTable, RowLink, type DataColumn } from "@/components/ui/data-table";
import type { OrgUser } from "@/lib/schemas/org-users";
import { LastSignIn } from "./last-sign-in";
import { GroupList, RoleBadge, SsoBypassBadge, UserStatusBadge } from "./user-badges";

/** The user columns the users list and the access review share (a ReviewUser is an OrgUser). */
export const userColumns = {
  email: {
    id: "email",
    header: "Email",
    cell: (user) => <RowLink href={`/users/${user.id}`}>{user.email}</RowLink>,
  },
  role: { id: "role", header: "Role", cell: (user) => <RoleBadge recordType={user.recordType} /> },
  status: { id: "status", header: "Status", cell: (user) => <UserStatusBadge status={user.userStatus} /> },
  groups: { id: "groups", header: "Groups", cell: (user) => <GroupList groups={user.groups} /> },
  lastSignIn: {
    id: "last-sign-in",
    header: "Last sign-in",
    cell: (user) => <LastSignIn lastSignInAt={user.lastSignInAt} />,
  },
} satisfies Record<string, DataColumn<OrgUser>>;

const columns: DataColumn<OrgUser>[] = [
  userColumns.email,
  userColumns.role,
  userColumns.status,
  userColumns.groups,
  userColumns.lastSignIn,
  { id: "sso", header: "SSO", cell: (user) => <SsoBypassBadge bypassesSso={user.bypassesSso} /> },
];

/** Organization users; a row opens the user's page on click or Enter. */
export function UsersTable({ users, caption }: { users: OrgUser[]; caption: string }) {
  return (
    <DataTable
      label={caption}
      testId="users-table"
      rows={users}
      rowKey={(user) => user.id}
      rowLabel={(user) => user.email}
      rowHref={(user) => `/users/${user.id}`}
      rowData={(user) => ({ "data-user-id": user.id })}
      columns={columns}
    />
  );
}
