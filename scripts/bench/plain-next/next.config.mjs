// The bare reference app of `npm run bench` (scripts/bench/plain.mjs): Next's defaults, but for the SDK
// loaded from node_modules as the console loads it, and the repository as the root it resolves from.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../../..");

const config = {
  serverExternalPackages: ["telnyx"],
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default config;
