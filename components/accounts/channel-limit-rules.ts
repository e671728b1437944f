import type { ChannelPool } from "@/lib/schemas/managed-accounts";

/**
 * The most this account may be given without over-allocating the pool: the free headroom plus what it
 * already holds (that part returns to the pool). When the console never set its limit it is counted as 0,
 * which can only make the check stricter than Telnyx's, never looser.
 */
export function largestAllowedLimit(pool: ChannelPool, knownLimit: number | null): number {
  return Math.max(0, pool.headroom + (knownLimit ?? 0));
}
