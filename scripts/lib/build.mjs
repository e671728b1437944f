// Decides whether .next is usable and runs `next build` when it is not.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { NEXT_BIN, ROOT } from "./paths.mjs";

// NEXT_DIST_DIR lets parallel runs on one machine keep separate builds (next.config.js reads it too).
const BUILD_ID = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
// public/ is served from disk by next start, so it never makes a build stale.
const SOURCE_DIRS = ["app", "components", "lib"];
const SOURCE_FILES = [
  "package.json",
  "next.config.js",
  "tsconfig.json",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
];

/** Newest mtime under a directory; a few hundred files, so a plain walk is cheap enough. */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function newestSourceMtime() {
  const dirs = SOURCE_DIRS.map((name) => path.join(ROOT, name)).filter(existsSync);
  const files = SOURCE_FILES.map((name) => path.join(ROOT, name)).filter(existsSync);
  return Math.max(0, ...dirs.map(newestMtime), ...files.map((file) => statSync(file).mtimeMs));
}

/** Why a build is needed, or undefined when .next is up to date. */
export function staleBuildReason() {
  if (!existsSync(BUILD_ID)) return "no .next/BUILD_ID";
  if (newestSourceMtime() > statSync(BUILD_ID).mtimeMs) return "sources changed since the last build";
  return undefined;
}

/** Runs `next build` with inherited output; returns true on success. */
export function buildApp() {
  const result = spawnSync(NEXT_BIN, ["build"], { cwd: ROOT, stdio: "inherit" });
  return result.status === 0;
}
