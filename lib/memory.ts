// What the server process keeps in memory beyond what is live (issue 11: RSS idle ≤ 250 MB).
import "server-only";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * With --optimize-for-size alone the old generation's limit sat a few MB above what is live (about 52 MB),
 * so the objects each request leaves behind filled it every half second even at c=1, and each time a
 * full collection took 20-40 ms of the one thread: about 7% of the console's CPU at c=1, more under load.
 * Letting it grow half of what is live before the next one made them a third as frequent: the list's CPU
 * per request 4.1 -> 3.2 ms at c=50, for 15-40 MB more RSS under load and none idle (npm run bench;
 * 100% saved another 0.2 ms for 15-40 MB more). V8 reads it at each collection, as --optimize-for-size.
 */
const oldGenerationHeadroomPercent = 50;

/**
 * V8 sizes the heap for throughput: under the c=50 list load the old generation grew to 140-230 MB and the
 * young one to 32 MB around 50-65 MB of live objects, and an idle server never gives it back (RSS 490-600 MB
 * after the load, against about 380 MB with this). --optimize-for-size keeps the heap's growth close to what
 * is live; V8 reads it at each collection, so it holds when set here, after the heap was made (node refuses
 * it in NODE_OPTIONS). Its CPU cost is given back by the headroom above and by the young generation's floor
 * in npm start's script (scripts/lib/start-env.mjs).
 */
export function keepHeapNearLiveSize(): void {
  setFlagsFromString("--optimize-for-size");
  setFlagsFromString(`--heap-growing-percent=${oldGenerationHeadroomPercent}`);
}

/**
 * One full garbage collection, once start-up is done. On a fresh data directory PGlite runs initdb in two
 * WebAssembly instances of its own (about 300 MB of touched WASM memory, plus the migrations' and the seed's
 * objects). They are unreachable once the database is open, but V8 frees WASM memory only when a full
 * collection finds its owner dead, and an idle server allocates nothing that would start one: it sat at
 * 700-780 MB RSS until load came, against about 350 MB after this (npm run bench, `uptime` in the report).
 * The collection takes tens of milliseconds, before the first request is served.
 */
export function collectStartupGarbage(): void {
  // Without arguments: a full, synchronous collection (Node 20's V8 takes `{ type: "major" }` for less).
  garbageCollector()();
}

type Collector = () => void;

/**
 * `gc` is a global only when node runs with --expose-gc, which `next start` (and every launcher of it: npm
 * start, the tests, a container) would each have to pass. V8 lets the flag be turned on for a new context,
 * which then has its own `gc` acting on the whole heap; the flag is turned off again at once.
 */
function garbageCollector(): Collector {
  const existing = (globalThis as { gc?: Collector }).gc;
  if (typeof existing === "function") return existing;
  setFlagsFromString("--expose-gc");
  try {
    return runInNewContext("gc") as Collector;
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}
