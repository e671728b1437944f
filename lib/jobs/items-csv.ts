// A job's items as CSV, streamed in keyset batches as the client reads: flat memory for 10,000 items.
import "server-only";
import type { OpenAudit } from "@/lib/api/route-audit";
import { csvCell } from "@/lib/audit/audit-csv";
import { auditedCsvResponse } from "@/lib/audit/audited-csv";
import { jobItemsAfter, type JobItemRow, type JobRow } from "@/lib/db/jobs";

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
  let after = -1;
  return auditedCsvResponse({
    fileName: `subdesk-job-${job.id}.csv`,
    header,
    audit,
    what: `job ${job.id} items export`,
    async nextLines() {
      const rows = await jobItemsAfter(job.id, after, BATCH_SIZE);
      if (rows.length === 0) return null;
      after = rows.at(-1)!.position;
      return rows.map(line).join("");
    },
  });
}
