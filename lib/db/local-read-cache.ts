// A read cache for one process's own database (PGlite: one process owns its directory, so every write to it
// goes through this process). A query's answer may be kept only where each write that could change it runs
// inside `writing()`, which forgets every kept answer synchronously: the next read goes to the database. With
// PostgreSQL, other instances write too, so callers ask the database every time (see `isProcessLocal`).
import "server-only";
import type { Db } from "./connection";

interface Entry<V> {
  value: V;
  storedAt: number;
  generation: number;
}

interface CacheState {
  /** Bumped by every invalidation: an answer read before it is not stored, an entry from before it is not served. */
  generation: number;
  /** Per database client (tests open several PGlite databases in one process). */
  byClient: WeakMap<object, Map<string, Entry<unknown>>>;
}

export interface LocalReadCache<V> {
  /** The generation to hand to `set`: read it before the query whose answer will be stored. */
  generation(): number;
  get(db: Db, key: string, now?: number): V | undefined;
  /** Stores an answer unless an invalidation happened since `generation` was read. */
  set(db: Db, key: string, value: V, generation: number, now?: number): void;
  /**
   * Runs a write that may change a kept answer: every entry (of every database: a write inside a transaction
   * cannot tell which one it is) is forgotten before it, so an answer read meanwhile is not kept, and after
   * it, so nothing read before it is served after it.
   */
  writing<T>(write: () => Promise<T>): Promise<T>;
}

/** PGlite's client (one process owns it) as opposed to node-postgres's pool (shared with other instances). */
export function isProcessLocal(db: Db): boolean {
  const client = (db as unknown as { $client?: { dumpDataDir?: unknown } }).$client;
  return typeof client?.dumpDataDir === "function";
}

/**
 * Next bundles each route handler with its own copy of this module, so the state lives on globalThis:
 * a sign-out handled by one route's bundle must empty the cache the list route's bundle reads.
 */
export function localReadCache<V>(
  name: string,
  limits: { maxEntries: number; maxAgeMs: number },
): LocalReadCache<V> {
  const key = Symbol.for(`subdesk.readCache.${name}`);
  const holder = globalThis as typeof globalThis & { [key: symbol]: CacheState | undefined };
  const state = (holder[key] ??= { generation: 0, byClient: new WeakMap() });
  const entriesOf = (db: Db, create: boolean) => {
    const client = (db as unknown as { $client: object }).$client;
    let entries = state.byClient.get(client);
    if (!entries && create) state.byClient.set(client, (entries = new Map()));
    return entries;
  };
  return {
    generation: () => state.generation,
    get(db, entryKey, now = Date.now()) {
      if (!isProcessLocal(db)) return undefined;
      const entries = entriesOf(db, false);
      const entry = entries?.get(entryKey);
      if (!entry) return undefined;
      if (entry.generation !== state.generation || now - entry.storedAt > limits.maxAgeMs) {
        entries?.delete(entryKey);
        return undefined;
      }
      return entry.value as V;
    },
    set(db, entryKey, value, generation, now = Date.now()) {
      if (!isProcessLocal(db) || generation !== state.generation) return;
      const entries = entriesOf(db, true)!;
      entries.delete(entryKey);
      // Oldest out first: a Map iterates in insertion order.
      if (entries.size >= limits.maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(entryKey, { value, storedAt: now, generation });
    },
    async writing(write) {
      state.generation += 1;
      try {
        return await write();
      } finally {
        state.generation += 1;
      }
    },
  };
}
