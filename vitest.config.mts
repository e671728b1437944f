import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      // Mirrors tsconfig's "@/*": ["./*"].
      "@/": root,
      // Server modules start with `import "server-only"`, which throws outside a React server bundle.
      "server-only": fileURLToPath(new URL("./tests/support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    // Vite claims BASE_URL for its public base path ("/") and Vitest copies that into process.env,
    // hiding the server address scripts/test.mjs passes: hand the real one back.
    env: process.env.BASE_URL ? { BASE_URL: process.env.BASE_URL } : {},
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // PGlite needs a few seconds to open a fresh database.
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          environment: "node",
          // Every file talks to the same server and simulator state: one file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
