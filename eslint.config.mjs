import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    // The benchmark's bare reference app builds in its own folder.
    "scripts/bench/plain-next/.next/**",
    ".data/**",
    ".test-data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The SDK stays behind lib/telnyx: everything else goes through its verb-named functions.
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: ["lib/telnyx/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "telnyx", message: "Only lib/telnyx may use the SDK." }] },
      ],
    },
  },
]);
