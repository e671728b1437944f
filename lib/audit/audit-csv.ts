// Audit rows as CSV lines. Every cell is made safe for spreadsheets (CWE-1236): text that starts with
// = + - @ tab or CR would be run as a formula by Excel or Sheets, so it gets a leading apostrophe.
import "server-only";
import type { AuditEventDto } from "@/lib/schemas/audit";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const columns: [string, (row: AuditEventDto) => string | number | null][] = [
  ["occurred_at", (row) => row.occurredAt],
  ["completed_at", (row) => row.completedAt],
  ["actor_id", (row) => row.actor?.id ?? null],
  ["actor_email", (row) => row.actor?.email ?? null],
  ["actor_role", (row) => row.actor?.role ?? null],
  ["action", (row) => row.action],
  ["target_type", (row) => row.target.type],
  ["target_id", (row) => row.target.id],
  ["target_label", (row) => row.target.label],
  ["reason", (row) => row.reason],
  ["outcome", (row) => row.outcome],
  ["upstream_status", (row) => row.upstreamStatus],
  ["error_code", (row) => row.errorCode],
  ["request_id", (row) => row.requestId],
  ["client_ip", (row) => row.clientIp],
  ["user_agent", (row) => row.userAgent],
  ["request_summary", (row) => (row.requestSummary ? JSON.stringify(row.requestSummary) : null)],
  ["id", (row) => row.id],
];

export const auditCsvHeader = `${columns.map(([name]) => name).join(",")}\r\n`;

export function toAuditCsvLine(row: AuditEventDto): string {
  return `${columns.map(([, read]) => csvCell(read(row))).join(",")}\r\n`;
}
