import type { AuditEventDto } from "@/lib/schemas/audit";
import { Timestamp } from "@/components/ui/timestamp";
import { describeAuditEvent } from "@/lib/audit/describe";
import { OutcomeBadge } from "./outcome-badge";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 py-1.5 sm:grid-cols-[9rem_1fr] sm:gap-2">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? "—"}</dd>
    </div>
  );
}

const mono = "font-mono text-xs";

/** Every field of one audit row, the request summary as formatted JSON. */
export function AuditEventFields({ event }: { event: AuditEventDto }) {
  const description = describeAuditEvent(event);
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="audit-event-fields">
      <dl className="divide-y divide-slate-100 dark:divide-slate-800">
        <Row label="What happened">
          {description.summary}
          {description.detail ? (
            <span className="block text-slate-600 dark:text-slate-300">{description.detail}</span>
          ) : null}
        </Row>
        <Row label="Action code">
          <span className={mono} data-testid="audit-action-code">
            {event.action}
          </span>
        </Row>
        <Row label="Outcome">
          <span className="flex flex-wrap items-center gap-2">
            <OutcomeBadge outcome={event.outcome} />
            {event.upstreamStatus !== null ? <span>Telnyx answered {event.upstreamStatus}</span> : null}
            {event.errorCode ? <span className={mono}>{event.errorCode}</span> : null}
          </span>
        </Row>
        <Row label="Occurred">
          <Timestamp value={event.occurredAt} />
        </Row>
        <Row label="Completed">
          <Timestamp value={event.completedAt} fallback="Not completed" />
        </Row>
        <Row label="Actor">
          {event.actor ? (
            <>
              {event.actor.email ?? "—"} {event.actor.role ? `(${event.actor.role})` : ""}
              {event.actor.id ? (
                <span className={`block ${mono} text-slate-600 dark:text-slate-400`}>{event.actor.id}</span>
              ) : null}
            </>
          ) : (
            "System (no signed-in person)"
          )}
        </Row>
        <Row label="Target">
          {event.target.label ?? "—"}
          {description.targetKind ? (
            <span className="text-slate-600 dark:text-slate-400"> · {description.targetKind}</span>
          ) : null}
          {event.target.id ? (
            <span className={`block ${mono} text-slate-600 dark:text-slate-400`}>{event.target.id}</span>
          ) : null}
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
            className="max-h-60 max-w-full overflow-auto rounded-md bg-slate-100 p-3 text-xs whitespace-pre-wrap [overflow-wrap:anywhere] dark:bg-slate-950"
            tabIndex={0}
            aria-label="Request summary"
          >
            {JSON.stringify(event.requestSummary, null, 2)}
          </pre>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">No request summary was recorded.</p>
        )}
      </div>
    </div>
  );
}
