"use client";

import { formatAuditTime } from "@/components/audit/format-time";
import { Badge } from "@/components/ui/badge";
import type { StaffDto } from "@/lib/schemas/staff";
import { StaffRowActions } from "./staff-row-actions";

const headerCell =
  "px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400";
const cell = "px-3 py-2 align-middle";

export function StaffTable({ people, selfEmail }: { people: StaffDto[]; selfEmail: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="staff-table">
        <caption className="sr-only">Staff who can sign in to Subdesk</caption>
        <thead>
          <tr>
            <th scope="col" className={headerCell}>
              Person
            </th>
            <th scope="col" className={headerCell}>
              Role
            </th>
            <th scope="col" className={headerCell}>
              Status
            </th>
            <th scope="col" className={headerCell}>
              Last sign-in (UTC)
            </th>
            <th scope="col" className={`${headerCell} text-right`}>
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const isSelf = person.email === selfEmail;
            return (
              <tr
                key={person.id}
                data-testid="staff-row"
                data-email={person.email}
                className="border-t border-slate-100 dark:border-slate-800"
              >
                <td className={cell}>
                  <div className="font-medium">
                    {person.name}
                    {isSelf ? <span className="text-slate-500"> (you)</span> : null}
                  </div>
                  <div className="text-slate-500 dark:text-slate-400">{person.email}</div>
                </td>
                <td className={cell}>
                  <Badge tone={person.role === "admin" ? "info" : "neutral"} data-testid="staff-role">
                    {person.role}
                  </Badge>
                </td>
                <td className={cell}>
                  <Badge tone={person.status === "active" ? "success" : "danger"} data-testid="staff-status">
                    {person.status}
                  </Badge>
                </td>
                <td className={`${cell} tabular-nums`}>
                  {person.lastSignInAt ? formatAuditTime(person.lastSignInAt) : "Never"}
                </td>
                <td className={cell}>
                  <StaffRowActions person={person} isSelf={isSelf} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
