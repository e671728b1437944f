import type { AuditEventDto } from "@/lib/schemas/audit";
import { formatAuditTime } from "./format-time";
import { OutcomeBadge } from "./outcome-badge";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5">
      <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? "—"}</dd>
    </div>
  );
}

const mono = "font-mono text-xs";

/** Every field of one audit row, the request summary as formatted JSON. */
export function AuditEventFields({ event }: { event: AuditEventDto }) {
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="audit-event-fields">
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <Row label="Action">
          <span className={mono}>{event.action}</span>
        </Row>
        <Row label="Outcome">
          <span className="flex flex-wrap items-center gap-2">
            <OutcomeBadge outcome={event.outcome} />
            {event.upstreamStatus !== null ? <span>Telnyx answered {event.upstreamStatus}</span> : null}
            {event.errorCode ? <span className={mono}>{event.errorCode}</span> : null}
          </span>
        </Row>
        <Row label="Occurred">{formatAuditTime(event.occurredAt)}</Row>
        <Row label="Completed">
          {event.completedAt ? formatAuditTime(event.completedAt) : "Not completed"}
        </Row>
        <Row label="Actor">
          {event.actor ? (
            <>
              {event.actor.email ?? "—"} {event.actor.role ? `(${event.actor.role})` : ""}
              {event.actor.id ? (
                <span className={`block ${mono} text-slate-500`}>{event.actor.id}</span>
              ) : null}
            </>
          ) : (
            "System (no signed-in person)"
          )}
        </Row>
        <Row label="Target">
          {event.target.label ?? "—"}
          {event.target.type ? <span className="text-slate-500"> · {event.target.type}</span> : null}
          {event.target.id ? <span className={`block ${mono} text-slate-500`}>{event.target.id}</span> : null}
        </Row>
        <Row label="Reason">{event.reason}</Row>
        <Row label="Request id">
          <span className={mono}>{event.requestId}</span>
        </Row>
        <Row label="Client address">{event.clientIp}</Row>
        <Row label="User agent">{event.userAgent}</Row>
        <Row label="Event id">
          <span className={mono}>{event.id}</span>
        </Row>
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-medium">Request summary</h3>
        {event.requestSummary ? (
          <pre
            data-testid="audit-request-summary"
            className="max-h-60 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-950"
          >
            {JSON.stringify(event.requestSummary, null, 2)}
          </pre>
        ) : (
          <p className="text-slate-500">No request summary was recorded.</p>
        )}
      </div>
    </div>
  );
}
