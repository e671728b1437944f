// Which methods a path answers, for the 405s proxy.ts gives (with Allow) before Next would serve a page to
// a PUT or end a TRACE in a 500. Route handlers are read from the permission table every handler is in.
import { routePermissions } from "@/lib/api/route-permissions";

/** Names the method of a TRACE, which next.config.js hands on as OPTIONS (Next cannot build a TRACE). */
export const refusedMethodHeader = "x-subdesk-refused-method";

const allowOrder = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/** The Allow list of a route taking `methods`: HEAD wherever GET is, and OPTIONS everywhere. */
function allowList(methods: Set<string>): readonly string[] {
  const all = new Set(methods);
  if (all.has("GET")) all.add("HEAD");
  all.add("OPTIONS");
  return Object.freeze(allowOrder.filter((method) => all.has(method)));
}

function toPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (/^\[.+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

// Built once: every request the server receives asks the gate below, so a lookup is a Map read for a
// static path and a few regular expressions for a dynamic one.
const methodsByPath = new Map<string, Set<string>>();
for (const key of Object.keys(routePermissions)) {
  const [method = "", path = ""] = key.split(" ");
  const methods = methodsByPath.get(path) ?? new Set<string>();
  methods.add(method);
  methodsByPath.set(path, methods);
}
const staticRoutes = new Map<string, readonly string[]>();
const dynamicRoutes: { pattern: RegExp; allow: readonly string[] }[] = [];
for (const [path, methods] of methodsByPath) {
  if (path.includes("[")) dynamicRoutes.push({ pattern: toPattern(path), allow: allowList(methods) });
  else staticRoutes.set(path, allowList(methods));
}
// next-auth's catch-all handler (GET and POST) is not a withRoute handler, so it is not in the table.
dynamicRoutes.push({ pattern: /^\/api\/auth\//, allow: allowList(new Set(["GET", "POST"])) });

// Pages are read, never posted to: the console has no server actions.
const pageAllow = allowList(new Set(["GET"]));

/**
 * The methods `pathname` answers, in Allow order, or null when it is no route of ours (Next answers 404).
 * A static route wins over a dynamic one, as in Next's own routing; a trailing slash is the same path.
 */
export function allowedMethods(pathname: string): readonly string[] | null {
  if (!pathname.startsWith("/api/")) return pageAllow;
  const exact = staticRoutes.get(pathname.endsWith("/") ? pathname.slice(0, -1) : pathname);
  if (exact) return exact;
  return dynamicRoutes.find((route) => route.pattern.test(pathname))?.allow ?? null;
}

export type ApiMethodGate = (pathname: string, method: string) => boolean;

export const apiMethodGateKey = Symbol.for("subdesk.apiMethodGate");

// Reads only: a change's body is read through the proxy's copy (capped in next.config.js), which takes
// the whole of an oversize body before the route answers 413. Read straight from the socket, the route
// stops at its limit and Node closes the connection under the client's next request. Changes are few
// and each writes audit rows; the proxy's fraction of a millisecond does not matter there.
const readMethods = new Set(["GET", "HEAD"]);

const apiMethodGate: ApiMethodGate = (pathname, method) =>
  readMethods.has(method) && (allowedMethods(pathname)?.includes(method) ?? false);

/**
 * Lets an API read whose route takes it skip `proxy.ts`: on an API route the proxy only refuses methods,
 * and running it cost about 0.4 ms of every request (its adapter builds a NextRequest and a second
 * Response; npm run bench). next.config.js, where the server receives each request, asks this gate and
 * marks the request (x-subdesk-method-allowed, which the proxy's matcher skips), dropping a client-sent
 * mark. Until this is published every API request goes through the proxy, so an unmarked request is only
 * slower, never let through.
 */
export function publishApiMethodGate(): void {
  (globalThis as { [apiMethodGateKey]?: ApiMethodGate })[apiMethodGateKey] = apiMethodGate;
}
