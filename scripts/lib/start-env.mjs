// How `npm start` runs the console: the leading NAME=value words of package.json's "start" script (its
// environment), then `node` with its flags. Test and benchmark servers start `next start` themselves and
// take both, so they run as a deployed console does (signal handling, the allocator's and the heap's
// settings) and the figures are the real ones.
// The allocator's (glibc; other C libraries ignore them): MALLOC_ARENA_MAX=2 stops each of Node's worker
// threads keeping an arena of its own (8 per core by default), and MALLOC_MMAP_THRESHOLD_=131072 gives
// blocks of 128 KiB and more (V8's compilation zones above all) back to the system when freed instead of
// leaving them in the heap. Together about 110 MB less RSS idle and after load, CPU per request unchanged
// (npm run bench; lib/memory.ts has the heap's side).
// --min-semi-space-size=16 (MB): lib/memory.ts's --optimize-for-size keeps the young generation at its
// floor, 1 MB by default, so under load a collection ran every 15 ms and promoted each in-flight request's
// objects to the old generation, which was then fully collected four times a second: GC was 18% of the
// console's CPU. With a 16 MB floor the list's CPU per request fell 5.2 -> 4.5 ms at c=50, for about 8 MB
// more RSS idle (npm run bench). V8 takes it only at start, so it is node's flag, not set from code.
// --max-semi-space-size=16: the young generation's ceiling, the same on every runtime. Node 20's V8 lets
// its new space grow to 32 MB; Node 24's to 128 MB (a loop keeping a third of what it allocates grew it
// there). With the ceiling, Node 24's idle RSS was 245 and 245 MB against 249 and 249, and its peak under
// the c=50 load 317-318 MB against 330-341, with throughput unchanged (561 and 588 req/s against 519 and
// 582; npm run bench -- --node 24, alternated). On Node 20 it changes nothing.
// --liftoff-only: PGlite's Postgres is WebAssembly (about 9 MB of it, plus initdb's). V8 compiles it with
// its baseline compiler, then recompiles the busy functions with its optimizing one, whose code and working
// memory were about 70 MB of the idle RSS. The baseline code is fast enough here: the list's CPU per
// request did not move, and 1,500 inserts plus 1,500 lookups by key took the same time either way (PGlite's
// cost is the copying in and out, not the SQL). Set from code (v8.setFlagsFromString) before the database
// opened, it held on Node 20 but not on Node 24, where the idle RSS stayed 260-300 MB; as node's flag it
// holds on both (245-248 MB on 24; npm run bench -- --node 24).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.mjs";

const startWords = (root) =>
  JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"))
    .scripts.start.trim()
    .split(/\s+/);

/** @returns {Record<string, string>} */
export function startScriptEnv(root = ROOT) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const word of startWords(root)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1]] = assignment[2];
  }
  return env;
}

/** The `--flags` the start script gives `node` before Next's own script. */
export function startScriptNodeFlags(root = ROOT) {
  const words = startWords(root).filter((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));
  if (words[0] !== "node") throw new Error(`package.json's start script should run node, not ${words[0]}.`);
  const flags = [];
  for (const word of words.slice(1)) {
    if (!word.startsWith("--")) break;
    flags.push(word);
  }
  return flags;
}

/** `next start` on 127.0.0.1:`port` as `npm start` runs it: a command and its arguments for spawn. */
export function nextStartCommand(port, root = ROOT) {
  const next = path.join(root, "node_modules", "next", "dist", "bin", "next");
  return {
    command: process.execPath,
    args: [...startScriptNodeFlags(root), next, "start", "-H", "127.0.0.1", "-p", String(port)],
  };
}
