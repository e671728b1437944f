// The accounts export's two file formats. Columns are named like our DTO; a status the list could not
// work out is empty (CSV) or null (JSON), as the list leaves it blank.
import "server-only";
import type { ReportFormat } from "@/lib/schemas/org-users";
import type { ManagedAccount } from "@/lib/schemas/managed-accounts";

const columns = [
  "id",
  "email",
  "organizationName",
  "status",
  "allowCustomPricing",
  "rollupBilling",
  "createdAt",
  "updatedAt",
  "managerAccountId",
] as const;

type ExportRow = Record<(typeof columns)[number], string | boolean | null>;

function toExportRow(account: ManagedAccount): ExportRow {
  return {
    id: account.id,
    email: account.email,
    organizationName: account.organizationName,
    status: account.status ?? null,
    allowCustomPricing: account.allowCustomPricing,
    rollupBilling: account.rollupBilling,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    managerAccountId: account.managerAccountId,
  };
}

export interface ExportWriter {
  contentType: string;
  head: string;
  /** `index` is the row's position in the whole file, from 0. */
  row: (account: ManagedAccount, index: number) => string;
  tail: string;
}

// Every cell quoted (RFC 4180): no case analysis, and the formula guard the CSV is piped through then
// puts its apostrophe inside the quotes.
const quoted = (value: string | boolean | null) => `"${String(value ?? "").replace(/"/g, '""')}"`;

const csvWriter: ExportWriter = {
  contentType: "text/csv; charset=utf-8",
  head: `${columns.join(",")}\r\n`,
  row: (account) => {
    const row = toExportRow(account);
    return `${columns.map((column) => quoted(row[column])).join(",")}\r\n`;
  },
  tail: "",
};

// One row per line, so a reader can count rows as they arrive (a line that starts with "{").
const jsonWriter: ExportWriter = {
  contentType: "application/json; charset=utf-8",
  head: '{"data":[',
  row: (account, index) => `${index === 0 ? "" : ","}\n${JSON.stringify(toExportRow(account))}`,
  tail: "\n]}\n",
};

export const exportWriters: Record<ReportFormat, ExportWriter> = { csv: csvWriter, json: jsonWriter };

/** `subdesk-accounts-YYYY-MM-DD.csv`, dated in UTC like every time the console stores. */
export function accountExportFileName(format: ReportFormat, now = new Date()): string {
  return `subdesk-accounts-${now.toISOString().slice(0, 10)}.${format}`;
}
