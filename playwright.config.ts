import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// npm test (scripts/test.mjs) starts the app and passes BASE_URL. Without it, a developer ran
// `npx playwright test` alone: start the same server through webServer and tell the tests where it is.
// Workers load this file again with the variables below already set, so they never start a second one.
const isManagedServer = !process.env.BASE_URL;
const port = process.env.TEST_PORT ?? "3917";
const simPort = process.env.TEST_SIM_PORT ?? "3918";
if (isManagedServer) {
  process.env.BASE_URL = `http://127.0.0.1:${port}`;
  process.env.SIM_URL = `http://127.0.0.1:${simPort}`;
  process.env.DEMO_PASSWORD ??= "subdesk-demo-pass";
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  process.env.SERVER_LOG ??= path.join(__dirname, ".test-data", `server-${stamp}.log`);
}

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  // A retry would hide flakiness; a flaky test is a failing test here.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: process.env.BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          // Playwright cannot download its browser here: Debian's Chromium (scripts/lib/chromium.mjs).
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          // Without the last four flags Chromium floods the closed network with background requests.
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: isManagedServer
    ? {
        command: "node scripts/serve-test.mjs",
        url: `${process.env.BASE_URL}/api/health`,
        // May include a next build on a fresh clone.
        timeout: 180_000,
        reuseExistingServer: false,
        env: { SERVER_LOG: process.env.SERVER_LOG ?? "" },
        stdout: "ignore",
        stderr: "pipe",
      }
    : undefined,
});
