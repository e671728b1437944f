// The audit CSV download: the filtered set streamed in keyset batches as the client reads, so memory stays
// flat for any size. The export's own report.export row is completed when the stream ends.
import "server-only";
import { iterateAudit } from "@/lib/db/audit";
import { log } from "@/lib/log";
import type { AuditFilterQuery } from "@/lib/schemas/audit";
import type { OpenAudit } from "@/lib/api/route-audit";
import { auditCsvHeader, toAuditCsvLine } from "./audit-csv";
import { auditedCsvResponse } from "./audited-csv";
import { toAuditEventDto, toAuditFilters } from "./audit-events";

const BATCH_SIZE = 500;

/** `subdesk-audit-YYYY-MM-DD.csv`, dated in UTC like every time the console stores. */
export function auditExportFileName(now = new Date()): string {
  return `subdesk-audit-${now.toISOString().slice(0, 10)}.csv`;
}

export function auditExportResponse(filters: AuditFilterQuery, audit: OpenAudit): Response {
  const batches = iterateAudit(toAuditFilters(filters), { batchSize: BATCH_SIZE });
  let rowCount = 0;
  return auditedCsvResponse({
    fileName: auditExportFileName(),
    header: auditCsvHeader,
    audit,
    what: "audit export",
    async nextLines() {
      const next = await batches.next();
      if (next.done) return null;
      const now = Date.now();
      // The export's own row is still pending while it runs: it is not part of what was asked for.
      const rows = next.value.filter((row) => row.id !== audit.id);
      rowCount += rows.length;
      return rows.map((row) => toAuditCsvLine(toAuditEventDto(row, now))).join("");
    },
    onEnd: () => log.info("audit export finished", { rows: rowCount }),
    onCancel: () => batches.return(undefined),
  });
}
