"use client";

import { Timestamp } from "@/components/ui/timestamp";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { StaffDto } from "@/lib/schemas/staff";
import { StaffRowActions } from "./staff-row-actions";

function staffColumns(selfEmail: string): DataColumn<StaffDto>[] {
  return [
    {
      id: "person",
      header: "Person",
      cell: (person) => (
        <>
          {person.name}
          {person.email === selfEmail ? (
            <span className="font-normal text-slate-600 dark:text-slate-300"> (you)</span>
          ) : null}
          <div className="font-normal text-slate-600 dark:text-slate-300">{person.email}</div>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (person) => (
        <Badge tone={person.status === "active" ? "success" : "danger"} data-testid="staff-status">
          {person.status}
        </Badge>
      ),
    },
    {
      id: "last-sign-in",
      header: "Last sign-in (UTC)",
      className: "whitespace-nowrap tabular-nums",
      cell: (person) => <Timestamp value={person.lastSignInAt} fallback="Never" />,
    },
    {
      // The role shows once, as the control that changes it.
      id: "role",
      header: "Role and actions",
      cell: (person) => <StaffRowActions person={person} isSelf={person.email === selfEmail} />,
    },
  ];
}

export function StaffTable({ people, selfEmail }: { people: StaffDto[]; selfEmail: string }) {
  return (
    <DataTable
      label="Staff who can sign in to Subdesk"
      testId="staff-table"
      rows={people}
      rowKey={(person) => person.id}
      rowLabel={(person) => person.email}
      rowData={(person) => ({ "data-testid": "staff-row", "data-email": person.email })}
      columns={staffColumns(selfEmail)}
    />
  );
}
