// The users-and-groups report as a download: JSON in one piece, CSV streamed through from Telnyx.
import "server-only";
import type { ReportFormat } from "@/lib/schemas/org-users";
import { getGroupsReportJson, streamGroupsReportCsv } from "@/lib/telnyx/org-users";
import { log } from "@/lib/log";
import { createCsvFormulaGuardStream } from "./csv-formula-guard";
import { failureOf, type OpenAudit } from "@/lib/api/route-audit";

const contentTypes: Record<ReportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** `subdesk-users-groups-YYYY-MM-DD.csv`, dated in UTC like every time the console stores. */
export function reportFileName(format: ReportFormat, now = new Date()): string {
  return `subdesk-users-groups-${now.toISOString().slice(0, 10)}.${format}`;
}

function downloadHeaders(format: ReportFormat): HeadersInit {
  return {
    "Content-Type": contentTypes[format],
    "Content-Disposition": `attachment; filename="${reportFileName(format)}"`,
    // The body is a download, never to be sniffed into something the browser would render.
    "X-Content-Type-Options": "nosniff",
  };
}

/**
 * Answers the report in `format`; the caller has opened the audit row and completes it on a throw. The
 * CSV answer completes the row itself when the stream ends, fails or is cancelled.
 */
export async function groupsReportResponse(format: ReportFormat, audit: OpenAudit): Promise<Response> {
  if (format === "json") {
    const users = await getGroupsReportJson();
    await audit.finish({ outcome: "success" });
    return new Response(JSON.stringify({ data: users }), { headers: downloadHeaders("json") });
  }
  return new Response(await openCsvStream(audit), { headers: downloadHeaders("csv") });
}

/**
 * Waits for Telnyx's first bytes (a failure up to then still becomes our error envelope), then passes the
 * rest through one chunk at a time as the client reads: nothing is held beyond the chunk in hand. A
 * failure after that errors the stream, so the download breaks instead of ending short and looking whole.
 */
async function openCsvStream(audit: OpenAudit): Promise<ReadableStream<Uint8Array>> {
  const reader = (await streamGroupsReportCsv()).getReader();
  const first = await reader.read();
  let held: Uint8Array | undefined = first.done ? undefined : first.value;
  let isUpstreamDone = first.done;
  const source = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (held) {
            controller.enqueue(held);
            held = undefined;
            return;
          }
          const next = isUpstreamDone ? { done: true as const, value: undefined } : await reader.read();
          if (next.done) {
            isUpstreamDone = true;
            await audit.finish({ outcome: "success" });
            controller.close();
            return;
          }
          controller.enqueue(next.value);
        } catch (error) {
          log.warn("report.export broke mid-stream", { detail: String(error) });
          await audit.finish(failureOf(error));
          controller.error(error);
        }
      },
      async cancel(reason) {
        // The person closed the tab or the connection dropped: nothing was delivered whole.
        await audit.finish({ outcome: "failure", errorCode: "cancelled" });
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return source.pipeThrough(createCsvFormulaGuardStream());
}
