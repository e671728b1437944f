import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleStatsPath, distDirOf, firstLoadSizes, KB } from "@/scripts/bench/bundles.mjs";

// The JavaScript a visitor downloads before a page works, per route: every first-load chunk the build lists
// in <dist>/diagnostics/route-bundle-stats.json, gzipped at level 9 and summed. Budgets: 180 kB a page,
// 145 kB the sign-in page, every page held to its budget (scripts/bench/bundles.mjs). `npm test` builds
// before the unit tests, so a full run always has the build to read; a `--only unit` run without any build
// skips this, saying so.

const root = path.resolve(__dirname, "../../..");
const distDir = distDirOf(root);
const sizes = firstLoadSizes(root, distDir);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} kB`;
if (!sizes) {
  console.warn(
    `[bundle-budget] skipped: no ${path.relative(root, bundleStatsPath(distDir))} (run next build first)`,
  );
}

describe.skipIf(!sizes)("first-load JavaScript per page (gzip -9)", () => {
  it("lists every page of the console", () => {
    const routes = sizes!.map((row) => row.route);
    expect(routes).toEqual(expect.arrayContaining(["/login", "/accounts", "/users", "/audit", "/"]));
  });

  it.each(sizes ?? [])("$route stays within its budget", ({ route, gzipBytes, budgetBytes }) => {
    expect(
      gzipBytes,
      `${route}: ${kb(gzipBytes)} of first-load JS; budget ${kb(budgetBytes)}`,
    ).toBeLessThanOrEqual(budgetBytes);
  });

  it("holds every page to 180 kB and the sign-in page to 145 kB", () => {
    for (const row of sizes!) expect(row.budgetBytes).toBeLessThanOrEqual(180 * KB);
    expect(sizes!.find((row) => row.route === "/login")?.budgetBytes).toBe(145 * KB);
  });
});
