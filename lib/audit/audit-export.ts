// The audit CSV download: the filtered set streamed in keyset batches as the client reads, so memory stays
// flat for any size. The export's own report.export row is completed when the stream ends.
import "server-only";
import { iterateAudit } from "@/lib/db/audit";
import { log } from "@/lib/log";
import type { AuditFilterQuery } from "@/lib/schemas/audit";
import { failureOf, type OpenAudit } from "@/lib/api/route-audit";
import { auditCsvHeader, toAuditCsvLine } from "./audit-csv";
import { toAuditEventDto, toAuditFilters } from "./audit-events";

const BATCH_SIZE = 500;

/** `subdesk-audit-YYYY-MM-DD.csv`, dated in UTC like every time the console stores. */
export function auditExportFileName(now = new Date()): string {
  return `subdesk-audit-${now.toISOString().slice(0, 10)}.csv`;
}

export function auditExportResponse(filters: AuditFilterQuery, audit: OpenAudit): Response {
  const encoder = new TextEncoder();
  const batches = iterateAudit(toAuditFilters(filters), { batchSize: BATCH_SIZE });
  let rowCount = 0;
  let isHeaderSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!isHeaderSent) {
            isHeaderSent = true;
            controller.enqueue(encoder.encode(auditCsvHeader));
            return;
          }
          const next = await batches.next();
          if (next.done) {
            await audit.finish({ outcome: "success" });
            log.info("audit export finished", { rows: rowCount });
            controller.close();
            return;
          }
          const now = Date.now();
          // The export's own row is still pending while it runs: it is not part of what was asked for.
          const rows = next.value.filter((row) => row.id !== audit.id);
          rowCount += rows.length;
          controller.enqueue(
            encoder.encode(rows.map((row) => toAuditCsvLine(toAuditEventDto(row, now))).join("")),
          );
        } catch (error) {
          log.warn("audit export broke mid-stream", { detail: String(error) });
          await audit.finish(failureOf(error));
          controller.error(error);
        }
      },
      async cancel() {
        await audit.finish({ outcome: "failure", errorCode: "cancelled" });
        await batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${auditExportFileName()}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
