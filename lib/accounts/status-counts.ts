// The status tabs' counts, from the status sets the list already loads to label its rows (cached for a few
// seconds, shared by every page, sort and tab of one filter), and the All tab's total. No extra request.
import type { AccountStatusCounts } from "@/lib/schemas/managed-accounts";

interface KnownSet {
  ids: ReadonlySet<string>;
  /** False when there were more than the server pages through: the size is then a lower bound only. */
  isComplete: boolean;
}

type Sets = Partial<Record<"disabled" | "blocked" | "cancelled", KnownSet>>;

const sizeOf = (set: KnownSet | undefined) => (set?.isComplete ? set.ids.size : undefined);

/**
 * `total` is the All tab's total for these filters, cancelled accounts included only when
 * `includeCancelled`; enabled is what is left of it. A count that is not known for sure is left out.
 */
export function toStatusCounts(
  total: number,
  sets: Sets | undefined,
  includeCancelled: boolean,
): AccountStatusCounts {
  const disabled = sizeOf(sets?.disabled);
  const blocked = sizeOf(sets?.blocked);
  const cancelled = sizeOf(sets?.cancelled);
  const others = [disabled, blocked, includeCancelled ? cancelled : 0];
  const enabled = others.every((count) => count !== undefined)
    ? Math.max(0, total - others.reduce<number>((sum, count) => sum + (count ?? 0), 0))
    : undefined;
  const counts: AccountStatusCounts = { all: total };
  if (enabled !== undefined) counts.enabled = enabled;
  if (disabled !== undefined) counts.disabled = disabled;
  if (blocked !== undefined) counts.blocked = blocked;
  if (cancelled !== undefined) counts.cancelled = cancelled;
  return counts;
}
