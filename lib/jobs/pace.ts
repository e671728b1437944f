// Keeps bulk work under SUBDESK_BULK_MAX_RPS calls per second for this process, so that people using the
// console keep their share of Telnyx's rate limit while a job runs.
import "server-only";

const DEFAULT_MAX_RPS = 5;
let nextSlotAt = 0;

export function bulkMaxRps(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.SUBDESK_BULK_MAX_RPS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_RPS;
}

/** Waits for this process's next bulk slot. */
export async function waitForBulkSlot(): Promise<void> {
  const now = Date.now();
  const at = Math.max(now, nextSlotAt);
  nextSlotAt = at + 1000 / bulkMaxRps();
  if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
}
