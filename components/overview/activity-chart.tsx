import Link from "next/link";
import { describeAuditEvent } from "@/lib/audit/describe";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { Timestamp } from "@/components/ui/timestamp";
import { ChartFigure } from "./chart-figure";
import { ColumnChart } from "./column-chart";

/** Audit rows per day for two weeks, and the latest few in words. */
export function ActivityChart({
  days,
  recent,
}: {
  days: { day: string; count: number }[];
  recent: AuditEventDto[];
}) {
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiest = days.reduce(
    (best, day) => (day.count > best.count ? day : best),
    days[0] ?? { day: "", count: 0 },
  );
  return (
    <ChartFigure
      id="recent-activity"
      title="Recent activity"
      summary={`${total.toLocaleString("en")} audit events in the last 14 days${total > 0 ? `; the busiest day was ${busiest.day} with ${busiest.count}` : ""}.`}
      columns={["Day (UTC)", "Audit events"]}
      rows={days.map((day) => ({ label: day.day, value: String(day.count) }))}
      footer={
        <>
          <ul className="mt-3 flex flex-col gap-1 text-sm" aria-label="Latest audit events">
            {recent.map((event) => (
              <li key={event.id} className="flex flex-wrap gap-x-2">
                <span className="text-slate-600 tabular-nums dark:text-slate-300">
                  <Timestamp value={event.occurredAt} />
                </span>
                <span className="min-w-0 break-words">
                  {event.actor?.email ?? "system"}: {describeAuditEvent(event).summary}
                </span>
              </li>
            ))}
          </ul>
          <Link
            href="/audit"
            className="mt-2 inline-block text-sm text-brand-700 underline dark:text-brand-300"
          >
            Open the audit trail
          </Link>
        </>
      }
    >
      <ColumnChart
        columns={days.map((day) => ({ label: day.day.slice(8), value: day.count }))}
        labelEvery={2}
      />
    </ChartFigure>
  );
}
