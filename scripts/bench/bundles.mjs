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

/*
 * Not every page is at its budget yet (issue 11): the console's pages carry its shell and zod (the list
 * URL state validates in the browser), about 235-262 kB, and the sign-in page 162 kB. Until they are, the
 * budget test holds them to these ceilings, just above their size when set, so nothing grows meanwhile;
 * a page already within its budget (the bare not-found page, MFA enrolment) is held to the budget itself.
 * Lower these as pages get lighter, and delete them once every page is within its budget.
 */
export const INTERIM_PAGE_CEILING_BYTES = 270 * KB;
export const INTERIM_LOGIN_CEILING_BYTES = 165 * KB;
const withinBudgetAlready = new Set(["/_not-found", "/enrol-mfa"]);

export function ceilingFor(route) {
  if (route === "/login") return INTERIM_LOGIN_CEILING_BYTES;
  return withinBudgetAlready.has(route) ? budgetFor(route) : INTERIM_PAGE_CEILING_BYTES;
}

/** The build directory `next build` wrote (NEXT_DIST_DIR lets parallel runs keep separate builds). */
export function distDirOf(root, env = process.env) {
  return path.join(root, env.NEXT_DIST_DIR || ".next");
}

export function bundleStatsPath(distDir) {
  return path.join(distDir, "diagnostics", "route-bundle-stats.json");
}

/**
 * [{ route, chunks, rawBytes, gzipBytes, budgetBytes, ceilingBytes }], heaviest first, or undefined when the build has no
 * stats file. Chunk paths in the file are relative to the directory the build ran in (the repository root).
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
        ceilingBytes: ceilingFor(route),
      };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}
