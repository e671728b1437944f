// A job's items as CSV, streamed in keyset batches as the client reads: flat memory for 10,000 items.
import "server-only";
import { failureOf, type OpenAudit } from "@/lib/api/route-audit";
import { csvCell } from "@/lib/audit/audit-csv";
import { jobItemsAfter, type JobItemRow, type JobRow } from "@/lib/db/jobs";
import { log } from "@/lib/log";

const BATCH_SIZE = 500;

const columns: [string, (row: JobItemRow) => string | number | null][] = [
  ["position", (row) => row.position + 1],
  ["target_id", (row) => row.targetId],
  ["label", (row) => row.label],
  ["status", (row) => row.status],
  ["error_code", (row) => row.errorCode],
  ["error_message", (row) => row.errorMessage],
  ["attempts", (row) => row.attempts],
  ["audit_id", (row) => row.auditId],
  ["updated_at", (row) => row.updatedAt.toISOString()],
];

const header = `${columns.map(([name]) => name).join(",")}\r\n`;
const line = (row: JobItemRow) => `${columns.map(([, read]) => csvCell(read(row))).join(",")}\r\n`;

export function jobItemsCsvResponse(job: JobRow, audit: OpenAudit): Response {
  const encoder = new TextEncoder();
  let after = -1;
  let isHeaderSent = false;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!isHeaderSent) {
            isHeaderSent = true;
            controller.enqueue(encoder.encode(header));
            return;
          }
          const rows = await jobItemsAfter(job.id, after, BATCH_SIZE);
          if (rows.length === 0) {
            await audit.finish({ outcome: "success" });
            controller.close();
            return;
          }
          after = rows.at(-1)!.position;
          controller.enqueue(encoder.encode(rows.map(line).join("")));
        } catch (error) {
          log.warn("job items export broke mid-stream", { jobId: job.id, detail: String(error) });
          await audit.finish(failureOf(error));
          controller.error(error);
        }
      },
      async cancel() {
        await audit.finish({ outcome: "failure", errorCode: "cancelled" });
      },
    },
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="subdesk-job-${job.id}.csv"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
