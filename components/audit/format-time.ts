// Audit times to the second, in UTC, the same on the server and in the browser (no locale, no zone drift).
export function formatAuditTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
