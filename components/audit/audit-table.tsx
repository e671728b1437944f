"use client";

import { Timestamp, useFormatDateTime } from "@/components/ui/timestamp";
import { describeAuditEvent } from "@/lib/audit/describe";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { OutcomeBadge } from "./outcome-badge";

const headerCell =
  "px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300";
// Below md the table's rows stack as cards: five columns do not fit a phone, and nothing here needs
// comparing across rows the way a list of accounts does.
const cell = "px-3 py-2 align-top max-md:block max-md:p-0";
const row =
  "cursor-pointer border-t border-slate-100 bg-white hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500 max-md:flex max-md:flex-col max-md:gap-1 max-md:px-4 max-md:py-3 dark:border-slate-800 dark:bg-slate-900 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800";
const secondary = "text-xs text-slate-600 dark:text-slate-300";

interface AuditTableProps {
  events: AuditEventDto[];
  onOpen: (id: string) => void;
}

/**
 * Newest first, each row in words ("Channel limit 10 → 5") with its reason beneath, so nothing is cut at
 * 1366 px; the raw action code and every other field are in the row's detail dialog. A row is one Tab stop
 * and opens on click or Enter; the time is also a button so a screen reader finds the way in.
 */
export function AuditTable({ events, onOpen }: AuditTableProps) {
  const formatDateTime = useFormatDateTime();
  return (
    <table className="w-full text-sm max-md:block" data-testid="audit-table">
      <caption className="sr-only">Audit trail, newest first</caption>
      <thead className="bg-slate-50 max-md:hidden dark:bg-slate-800">
        <tr>
          <th scope="col" className={`${headerCell} w-52`}>
            When
          </th>
          <th scope="col" className={headerCell}>
            What happened
          </th>
          <th scope="col" className={`${headerCell} w-[22%]`}>
            Target
          </th>
          <th scope="col" className={`${headerCell} w-[20%]`}>
            By
          </th>
          <th scope="col" className={`${headerCell} w-32`}>
            Outcome
          </th>
        </tr>
      </thead>
      <tbody className="max-md:block">
        {events.map((event) => {
          const description = describeAuditEvent(event);
          return (
            <tr
              key={event.id}
              tabIndex={0}
              className={row}
              data-testid="audit-row"
              data-action={event.action}
              onClick={(click) => {
                if (!(click.target as HTMLElement).closest("button")) onOpen(event.id);
              }}
              onKeyDown={(key) => {
                if (key.key !== "Enter" || key.target !== key.currentTarget) return;
                // Without this the same Enter would press the dialog's first button (Close) once it has focus.
                key.preventDefault();
                onOpen(event.id);
              }}
            >
              <td className={`${cell} tabular-nums md:whitespace-nowrap max-md:order-first max-md:text-xs`}>
                <button
                  type="button"
                  tabIndex={-1}
                  onClick={() => onOpen(event.id)}
                  aria-label={`Details: ${description.summary}, ${formatDateTime(event.occurredAt)}`}
                  className="text-left underline-offset-2 hover:underline"
                >
                  <Timestamp value={event.occurredAt} />
                </button>
              </td>
              <td className={`${cell} [overflow-wrap:anywhere]`}>
                <span className="font-medium" data-testid="audit-summary">
                  {description.summary}
                </span>
                {description.detail ? (
                  <span className={`block ${secondary}`}>{description.detail}</span>
                ) : null}
                {event.reason ? (
                  <span className={`block ${secondary}`} data-testid="audit-reason">
                    “{event.reason}”
                  </span>
                ) : null}
              </td>
              <td className={`${cell} [overflow-wrap:anywhere]`} data-testid="audit-target">
                {description.target ?? "—"}
                {description.targetKind ? (
                  <span className={`block ${secondary} max-md:hidden`}>{description.targetKind}</span>
                ) : null}
              </td>
              <td className={`${cell} [overflow-wrap:anywhere] max-md:text-xs`}>
                <span className="md:hidden">by </span>
                {event.actor?.email ?? "the system"}
                {event.actor?.role ? (
                  <span className="text-slate-600 dark:text-slate-300"> ({event.actor.role})</span>
                ) : null}
              </td>
              <td className={cell}>
                <OutcomeBadge outcome={event.outcome} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
