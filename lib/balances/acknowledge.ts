import "server-only";
import { AppError } from "@/lib/api/errors";
import { acknowledgeAlerts, getAlert } from "@/lib/db/balance-alerts";
import type { Alert } from "@/lib/schemas/alerts";
import { toAlert } from "./alert-dto";

/**
 * Acknowledges the open alerts among `ids`. One unknown id fails the single-alert route with 404; for a
 * selection, already-acknowledged and unknown ids are reported back rather than failing the rest.
 */
export async function acknowledge(
  ids: string[],
  staffId: string,
): Promise<{ acknowledged: Alert[]; skipped: string[] }> {
  if (ids.length === 1 && !(await getAlert(ids[0] ?? ""))) {
    throw new AppError("not_found", "There is no such alert.");
  }
  const rows = await acknowledgeAlerts(ids, staffId);
  const done = new Set(rows.map((row) => row.id));
  return { acknowledged: rows.map(toAlert), skipped: ids.filter((id) => !done.has(id)) };
}
