"use client";

import { Badge } from "@/components/ui/badge";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { Timestamp } from "@/components/ui/timestamp";
import { describeAuditEvent, type AuditDescription } from "@/lib/audit/describe";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { OutcomeBadge } from "./outcome-badge";

type AuditRow = AuditEventDto & { description: AuditDescription };

const secondary = "block text-xs font-normal text-slate-600 dark:text-slate-300";
// Long emails break between words where they can, mid-word only when they must.
const wraps = "break-words";

// "What happened" leads (and stays put on a phone); the reason sits under it, so nothing is cut at 1366 px.
const columns: DataColumn<AuditRow>[] = [
  {
    id: "summary",
    header: "What happened",
    className: "min-w-48",
    cell: (row) => (
      <>
        {row.requestSummary?.breakGlass === true ? (
          <Badge tone="danger" className="mr-2 uppercase" data-testid="audit-break-glass">
            Break-glass
          </Badge>
        ) : null}
        <span data-testid="audit-summary">{row.description.summary}</span>
        {row.description.detail ? <span className={secondary}>{row.description.detail}</span> : null}
        {row.reason ? (
          <span className={`${secondary} ${wraps}`} data-testid="audit-reason">
            “{row.reason}”
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: "when",
    header: "When and by",
    className: "min-w-44",
    cell: (row) => (
      <>
        <span className="whitespace-nowrap tabular-nums">
          <Timestamp value={row.occurredAt} />
        </span>
        <span className={`${secondary} ${wraps}`} data-testid="audit-actor">
          by {row.actor?.email ?? "the system"}
          {row.actor?.role ? ` (${row.actor.role})` : ""}
        </span>
      </>
    ),
  },
  {
    id: "target",
    header: "Target",
    className: `min-w-40 ${wraps}`,
    cell: (row) => (
      <span data-testid="audit-target">
        {row.description.target ?? "—"}
        {row.description.targetKind ? <span className={secondary}>{row.description.targetKind}</span> : null}
      </span>
    ),
  },
  { id: "outcome", header: "Outcome", cell: (row) => <OutcomeBadge outcome={row.outcome} /> },
];

interface AuditTableProps {
  events: AuditEventDto[];
  onOpen: (id: string) => void;
}

/**
 * Newest first, each row in words ("Channel limit 10 → 5"); the raw action code and every other field are
 * in the row's detail dialog, which a click or Enter on the row opens (its address is ?event=<id>).
 */
export function AuditTable({ events, onOpen }: AuditTableProps) {
  const rows = events.map((event) => ({ ...event, description: describeAuditEvent(event) }));
  return (
    <DataTable
      label="Audit trail, newest first"
      testId="audit-table"
      rows={rows}
      rowKey={(row) => row.id}
      columns={columns}
      rowLabel={(row) => row.description.summary}
      rowData={(row) => ({ "data-testid": "audit-row", "data-action": row.action })}
      onRowOpen={(row) => onOpen(row.id)}
    />
  );
}
