"use client";

import type { AuditEventDto } from "@/lib/schemas/audit";
import { formatAuditTime } from "./format-time";
import { OutcomeBadge } from "./outcome-badge";

const headerCell =
  "px-3 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400";
const cell = "px-3 py-2 align-top";
const row =
  "cursor-pointer border-t border-slate-100 hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-800 dark:hover:bg-slate-800/60 dark:focus-visible:bg-slate-800";

interface AuditTableProps {
  events: AuditEventDto[];
  onOpen: (id: string) => void;
}

/** Newest first. A row opens its details on click or Enter; the time is also a button for screen readers. */
export function AuditTable({ events, onOpen }: AuditTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="audit-table">
        <caption className="sr-only">Audit trail, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className={headerCell}>
              Time (UTC)
            </th>
            <th scope="col" className={headerCell}>
              Actor
            </th>
            <th scope="col" className={headerCell}>
              Action
            </th>
            <th scope="col" className={headerCell}>
              Target
            </th>
            <th scope="col" className={headerCell}>
              Outcome
            </th>
            <th scope="col" className={headerCell}>
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr
              key={event.id}
              tabIndex={0}
              className={row}
              data-testid="audit-row"
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
              <td className={`${cell} whitespace-nowrap tabular-nums`}>
                <button
                  type="button"
                  onClick={() => onOpen(event.id)}
                  aria-label={`Details of ${event.action} at ${formatAuditTime(event.occurredAt)}`}
                  className="underline-offset-2 hover:underline"
                >
                  <time dateTime={event.occurredAt}>{formatAuditTime(event.occurredAt)}</time>
                </button>
              </td>
              <td className={cell}>
                {event.actor?.email ?? <span className="text-slate-500">system</span>}
                {event.actor?.role ? (
                  <span className="text-slate-500 dark:text-slate-400"> ({event.actor.role})</span>
                ) : null}
              </td>
              <td className={`${cell} font-mono text-xs`} data-testid="audit-action">
                {event.action}
              </td>
              <td className={`${cell} max-w-64 truncate`} title={event.target.id ?? undefined}>
                {event.target.label ?? event.target.id ?? "—"}
                {event.target.type ? (
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {event.target.type}
                  </span>
                ) : null}
              </td>
              <td className={cell}>
                <OutcomeBadge outcome={event.outcome} />
              </td>
              <td className={`${cell} max-w-64 truncate text-slate-600 dark:text-slate-300`}>
                {event.reason ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
