// Where the server under test lives. scripts/test.mjs (or playwright.config.ts) sets these.

function required(name: string): string {
  const value = process.env[name];
  // Under Vitest an unset BASE_URL reads as Vite's "/" base path, so insist on an absolute URL.
  if (!value || !/^https?:\/\//.test(value)) {
    throw new Error(`${name} is not set: run the suite with \`npm test\` (or \`npm test -- --only api\`).`);
  }
  return value.replace(/\/$/, "");
}

export const baseUrl = (): string => required("BASE_URL");
export const simUrl = (): string => required("SIM_URL");

/** The demo staff password the test server is seeded with. */
export const demoPassword = (): string => process.env.DEMO_PASSWORD ?? "subdesk-demo-pass";

export const ROLES = ["admin", "support", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** The seeded demo staff member for a role. */
export const staffEmail = (role: Role): string => `${role}@subdesk.test`;

/** The bearer token the test server's /api/metrics takes (scripts/lib/test-server.mjs sets the same). */
export const metricsToken = (): string => process.env.TEST_METRICS_TOKEN ?? "subdesk-test-metrics-token";
