import "server-only";
import { AppError } from "@/lib/api/errors";
import { acknowledgeAlerts, getAlert } from "@/lib/db/balance-alerts";
import type { Alert } from "@/lib/schemas/alerts";
import { toAlert } from "./alert-dto";

/**
 * Acknowledges the open alerts among `ids`. The single-alert route (`isOne`) answers 404 for an unknown id;
 * a selection reports already-acknowledged and unknown ids back rather than failing the rest.
 */
export async function acknowledge(
  ids: string[],
  staffId: string,
  { isOne = false } = {},
): Promise<{ acknowledged: Alert[]; skipped: string[] }> {
  if (isOne && !(await getAlert(ids[0] ?? ""))) {
    throw new AppError("not_found", "There is no such alert.");
  }
  const rows = await acknowledgeAlerts(ids, staffId);
  const done = new Set(rows.map((row) => row.id));
  return { acknowledged: rows.map(toAlert), skipped: ids.filter((id) => !done.has(id)) };
}
