import "server-only";
import type { Telnyx } from "telnyx";
import type { UpstreamSettings } from "./config";

/**
 * Process-wide state of lib/telnyx. Next bundles instrumentation.ts and the route handlers separately, so
 * module-level variables would exist once per bundle; globalThis is shared by the whole process.
 */
export interface UpstreamState {
  settings?: UpstreamSettings;
  starting?: Promise<void>;
  closeSimulator?: () => Promise<void>;
  client?: Telnyx;
  /** The settings `client` was built from, to notice when tests re-point the module. */
  clientSettings?: UpstreamSettings;
  /** Short-lived answers to "which accounts are disabled/cancelled", keyed by the filters asked. */
  statusSets: Map<string, CachedStatusSet>;
}

export interface CachedStatusSet {
  /** Until then the set is served as it is. */
  expiresAt: number;
  /** Until then an expired set is still served while `refresh` fetches its successor in the background. */
  staleUntil: number;
  promise: Promise<StatusSet>;
  refresh?: Promise<StatusSet>;
}

export interface StatusSet {
  ids: Set<string>;
  /** False when there were more matches than we were willing to page through. */
  isComplete: boolean;
}

const stateKey = Symbol.for("subdesk.telnyx.upstream");

export function upstreamState(): UpstreamState {
  const holder = globalThis as typeof globalThis & { [stateKey]?: UpstreamState };
  holder[stateKey] ??= { statusSets: new Map() };
  return holder[stateKey];
}
