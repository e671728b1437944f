// First-load JavaScript per route, as a visitor's browser downloads it: every chunk `next build` lists for
// the route in <distDir>/diagnostics/route-bundle-stats.json, gzipped at level 9 and summed. Shared by
// `npm run bench` (the table) and the budget test (tests/unit/perf/bundle-budget.test.ts).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** kB as Next's build output counts them (1,000 bytes). */
export const KB = 1000;
export const PAGE_BUDGET_BYTES = 180 * KB;
// The sign-in page is the first thing anyone loads, on any connection: it carries no console code.
export const LOGIN_BUDGET_BYTES = 145 * KB;

export function budgetFor(route) {
  return route === "/login" ? LOGIN_BUDGET_BYTES : PAGE_BUDGET_BYTES;
}

/** The build directory `next build` wrote (NEXT_DIST_DIR lets parallel runs keep separate builds). */
export function distDirOf(root, env = process.env) {
  return path.join(root, env.NEXT_DIST_DIR || ".next");
}

export function bundleStatsPath(distDir) {
  return path.join(distDir, "diagnostics", "route-bundle-stats.json");
}

/**
 * [{ route, chunks, rawBytes, gzipBytes, budgetBytes }], heaviest first, or undefined when the build has no stats
 * file. Chunk paths in the file are relative to the directory the build ran in (the repository root).
 */
export function firstLoadSizes(root, distDir) {
  const statsFile = bundleStatsPath(distDir);
  if (!existsSync(statsFile)) return undefined;
  const stats = JSON.parse(readFileSync(statsFile, "utf8"));
  if (!Array.isArray(stats)) throw new Error(`${statsFile}: expected an array of routes`);
  const gzipped = new Map();
  const sizeOf = (chunk) => {
    if (!gzipped.has(chunk)) {
      const bytes = readFileSync(path.resolve(root, chunk));
      gzipped.set(chunk, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return gzipped.get(chunk);
  };
  return stats
    .map(({ route, firstLoadChunkPaths }) => {
      const sizes = firstLoadChunkPaths.map(sizeOf);
      return {
        route,
        chunks: sizes.length,
        rawBytes: sizes.reduce((sum, size) => sum + size.raw, 0),
        gzipBytes: sizes.reduce((sum, size) => sum + size.gzip, 0),
        budgetBytes: budgetFor(route),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
