// The environment `npm start` gives the console: the leading NAME=value words of package.json's "start"
// script. Test and benchmark servers start `next start` themselves and take these too, so they run as a
// deployed console does (signal handling, the allocator's settings) and the figures are the real ones.
// The allocator's (glibc; other C libraries ignore them): MALLOC_ARENA_MAX=2 stops each of Node's worker
// threads keeping an arena of its own (8 per core by default), and MALLOC_MMAP_THRESHOLD_=131072 gives
// blocks of 128 KiB and more (V8's compilation zones above all) back to the system when freed instead of
// leaving them in the heap. Together about 110 MB less RSS idle and after load, CPU per request unchanged
// (npm run bench; lib/memory.ts has the heap's side).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.mjs";

/** @returns {Record<string, string>} */
export function startScriptEnv(root = ROOT) {
  const { scripts } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  /** @type {Record<string, string>} */
  const env = {};
  for (const word of scripts.start.trim().split(/\s+/)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1]] = assignment[2];
  }
  return env;
}
