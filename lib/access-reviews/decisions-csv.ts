// A campaign's decisions as CSV: the evidence an access audit asks for. Cells go through csvCell, which
// neutralises formulas (= + - @ tab) and quotes what needs it.
import "server-only";
import { csvCell } from "@/lib/audit/audit-csv";
import type { AccessReview, AccessReviewItem } from "@/lib/schemas/access-reviews";

const columns: [string, (item: AccessReviewItem) => string | null][] = [
  ["person", (item) => item.id],
  ["email", (item) => item.email],
  ["flags", (item) => item.flags.join(" ")],
  ["decision", (item) => item.decision],
  ["reason", (item) => item.reason],
  ["decided_by", (item) => item.decidedBy],
  ["decided_at", (item) => item.decidedAt],
  ["removal_job_id", (item) => item.jobId],
  ["removal_outcome", (item) => item.removal],
];

export const decisionsCsvHeader = columns.map(([name]) => name);

export function decisionsCsv(items: AccessReviewItem[]): string {
  const lines = [decisionsCsvHeader.join(",")];
  for (const item of items) lines.push(columns.map(([, read]) => csvCell(read(item))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function decisionsCsvFilename(review: AccessReview): string {
  return `access-review-${review.createdAt.slice(0, 10)}-${review.id.slice(0, 8)}.csv`;
}
