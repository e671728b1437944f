// Headers every answer carries; a page's CSP (with its script nonce) is set per request in proxy.ts.
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const apiContentSecurityPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/*
 * Node's HTTP parser lets TRACE through (TRACK it refuses itself, with 400), but Next builds every request
 * as a Fetch Request, which refuses it ("'TRACE' HTTP method is unsupported"): Next answered 500 before
 * any code of ours ran. Where the server receives a request, TRACE is handed on as OPTIONS naming the
 * method asked for, and proxy.ts answers 405 with Allow. The header is ours alone: a client-sent one is
 * dropped, as is a client-sent method-allowed mark. (`next start` loads this file in the process that
 * serves requests; the header name is also in lib/api/allowed-methods.ts.)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- this file is CommonJS, as Next loads it
const http = require("node:http");
const refusedMethodHeader = "x-subdesk-refused-method";
// Marks an API read whose route takes it, so proxy.ts is skipped (lib/api/allowed-methods.ts).
const methodAllowedHeader = "x-subdesk-method-allowed";
const apiMethodGateKey = Symbol.for("subdesk.apiMethodGate");
if (!http.Server.prototype.emit.handsOnTrace) {
  const emit = http.Server.prototype.emit;
  const emitHandingOn = function (event, request, ...rest) {
    if (event === "request" && request && request.headers) {
      delete request.headers[refusedMethodHeader];
      delete request.headers[methodAllowedHeader];
      const gate = globalThis[apiMethodGateKey];
      if (gate && typeof request.url === "string" && request.url.startsWith("/api/")) {
        const pathname = request.url.split("?", 1)[0];
        if (gate(pathname, request.method)) request.headers[methodAllowedHeader] = "1";
      }
      if (request.method === "TRACE") {
        request.headers[refusedMethodHeader] = request.method;
        request.method = "OPTIONS";
      }
    }
    return emit.call(this, event, request, ...rest);
  };
  emitHandingOn.handsOnTrace = true;
  http.Server.prototype.emit = emitHandingOn;
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds live side by side (parallel test runs on one machine); .next by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Types are checked once, by \`npm run typecheck\` (the first step of a full \`npm test\`), over the app and
  // its tests alike; the build skipping it keeps parallel builds from failing on a test file in progress.
  typescript: { ignoreBuildErrors: true },
  // next dev would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled. The SDK client is
  // one per process (on globalThis) while pages and route handlers are separate bundles: loading telnyx
  // from node_modules gives them all one copy, so its error classes match wherever an error is mapped.
  // rate-limiter-flexible loads drizzle-orm with a computed import() that a bundle cannot resolve.
  // oidc-provider (embedded mode's identity provider) is a Koa app with its own ESM graph: loaded as is.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "pg-boss",
    "telnyx",
    "rate-limiter-flexible",
    "oidc-provider",
  ],
  experimental: {
    // Next copies a request body for the proxy, 10 MB by default, and silently drops what is past the
    // limit (a 20 MB body read as "not valid JSON"). The copy stops before the socket read (at most 64 KiB)
    // that crosses the limit, so with 1 MiB anything cut off is still longer than the API's 64 KiB
    // (maxBodyBytes in lib/api/parse.ts) and answers 413, and no request holds more than 1 MiB.
    proxyClientMaxBodySize: 1024 * 1024,
    // Fewer, larger client chunks (issue 11): a fresh console page loaded about 20 scripts, one request
    // each, with small shared modules copied into several. Weighing a request heavily against fetching some
    // code twice merges them: about 9 scripts a page, and fewer bytes too. Sizes here are raw bytes.
    turbopackChunking: {
      requestCost: 5_000_000,
      minChunkSize: 1_000_000,
      maxChunkCountPerGroup: 6,
      maxMergeChunkSize: 2_000_000,
    },
    // Next loads every route's server module at start by default; a console's staff use a few pages a visit,
    // so each is loaded when first asked for (the first request to a page pays a few ms). Idle heap about
    // 8 MB lower; loaded modules are never unloaded, so a server that has served every page holds them all.
    preloadEntriesOnStart: false,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // An API request proxy.ts skipped (marked above): its answer is JSON or CSV, never a document, so
      // nothing may load or run. Requests the proxy sees get their CSP there.
      {
        source: "/api/:path*",
        has: [{ type: "header", key: methodAllowedHeader }],
        headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }],
      },
    ];
  },
};

module.exports = nextConfig;
