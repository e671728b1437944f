// Which methods a path answers, for the 405s proxy.ts gives (with Allow) before Next would serve a page to
// a PUT or end a TRACE in a 500. Route handlers are read from the permission table every handler is in.
import { routePermissions } from "@/lib/api/route-permissions";

/** Names the method of a TRACE, which next.config.js hands on as OPTIONS (Next cannot build a TRACE). */
export const refusedMethodHeader = "x-subdesk-refused-method";

interface RoutePattern {
  pattern: RegExp;
  isDynamic: boolean;
  methods: Set<string>;
}

function toPattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (/^\[.+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

const routes: RoutePattern[] = [];
for (const key of Object.keys(routePermissions)) {
  const [method = "", path = ""] = key.split(" ");
  let route = routes.find((entry) => entry.pattern.source === toPattern(path).source);
  if (!route) {
    route = { pattern: toPattern(path), isDynamic: path.includes("["), methods: new Set() };
    routes.push(route);
  }
  route.methods.add(method);
}

// next-auth's catch-all handler (GET and POST) is not a withRoute handler, so it is not in the table.
const authRoute: RoutePattern = {
  pattern: /^\/api\/auth\//,
  isDynamic: true,
  methods: new Set(["GET", "POST"]),
};

/**
 * The methods `pathname` answers, in Allow order, or null when it is no route of ours (Next answers 404).
 * A static route wins over a dynamic one, as in Next's own routing.
 */
export function allowedMethods(pathname: string): string[] | null {
  let methods: Set<string>;
  if (pathname.startsWith("/api/")) {
    const matches = [...routes, authRoute].filter((route) => route.pattern.test(pathname));
    const best = matches.find((route) => !route.isDynamic) ?? matches[0];
    if (!best) return null;
    methods = new Set(best.methods);
  } else {
    // Pages are read, never posted to: the console has no server actions.
    methods = new Set(["GET"]);
  }
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"].filter((method) => methods.has(method));
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
