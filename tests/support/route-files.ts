import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Walks app/api for route.ts files and reads which HTTP methods each one exports, from the source text,
// so the route-matrix test grows a case whenever a handler or a method is added.

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface RouteFile {
  /** e.g. "/api/managed-accounts/[id]/disable" */
  path: string;
  /** Relative to the repository root. */
  file: string;
  methods: HttpMethod[];
}

const ROOT = path.resolve(__dirname, "../..");
const methodPattern = HTTP_METHODS.join("|");
// export const GET = …, export async function POST(…), export function PUT(…)
const declaredExport = new RegExp(
  String.raw`export\s+(?:const|let|var|async\s+function\*?|function\*?)\s+(${methodPattern})\b`,
  "g",
);
// export { handler as GET, POST }
const listedExport = /export\s*\{([^}]*)\}/g;

export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const match of source.matchAll(declaredExport)) found.add(match[1] as HttpMethod);
  for (const match of source.matchAll(listedExport)) {
    for (const entry of (match[1] ?? "").split(",")) {
      const exported = entry
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (exported && (HTTP_METHODS as readonly string[]).includes(exported))
        found.add(exported as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

/** The URL path of a route file: route groups "(x)" vanish, dynamic segments stay as written. */
export function routePathOf(relativeDir: string): string {
  const segments = relativeDir.split(path.sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Every route file under app/api except next-auth's own catch-all. */
export function apiRouteFiles(): RouteFile[] {
  const appDir = path.join(ROOT, "app");
  return walk(path.join(appDir, "api"))
    .map((full) => ({
      path: routePathOf(path.relative(appDir, path.dirname(full))),
      file: path.relative(ROOT, full),
      methods: exportedMethods(readFileSync(full, "utf8")),
    }))
    .filter((route) => !route.path.startsWith("/api/auth/[...nextauth]"))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** "METHOD /api/path" for every exported method of every route file. */
export function apiRouteKeys(): string[] {
  return apiRouteFiles().flatMap((route) => route.methods.map((method) => `${method} ${route.path}`));
}
