// Headers every answer carries; the per-request CSP (with its script nonce) is set in proxy.ts.
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

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
  serverExternalPackages: ["@electric-sql/pglite", "pg", "telnyx"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

module.exports = nextConfig;
