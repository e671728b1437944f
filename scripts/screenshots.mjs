// `npm run screenshots`: the README's pictures of the accounts list, an account's detail and the create
// flow, and the dark theme on a desktop and on a phone, taken from the real app (embedded mode, seeded simulator) so they stay current with the UI.
// Honours TEST_PORT/TEST_SIM_PORT and NEXT_DIST_DIR like the test runner; builds first when sources changed.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { buildApp, staleBuildReason } from "./lib/build.mjs";
import { locateChromium, INSTALL_COMMAND } from "./lib/chromium.mjs";
import { ROOT } from "./lib/paths.mjs";
import {
  DEMO_PASSWORD,
  assertPortsFree,
  killTestServerNow,
  runPaths,
  runStamp,
  spawnTestServer,
  stopTestServer,
  testServerAddress,
  waitForHealth,
} from "./lib/test-server.mjs";

const OUT_DIR = path.join(ROOT, "public", "screenshots");
const BROWSER_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

async function signIn(page, baseUrl) {
  await page.goto(`${baseUrl}/login?callbackUrl=%2Faccounts`);
  const form = page.locator("form");
  await form.getByRole("textbox", { name: /email/i }).fill("admin@subdesk.test");
  await form.locator('input[type="password"]').fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

// A phone picture shows the first screen, as the person sees it; a desktop one the whole page.
async function shoot(page, name, { fullPage = true } = {}) {
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`[screenshots] ${path.relative(ROOT, file)}`);
}

async function takeScreenshots(baseUrl, executablePath) {
  const browser = await chromium.launch({ executablePath, args: BROWSER_ARGS });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await signIn(page, baseUrl);

    await page.goto(`${baseUrl}/accounts`);
    await page.getByTestId("account-row").first().waitFor();
    await shoot(page, "accounts-list");

    await page.getByTestId("account-row").first().locator("a").first().click();
    await page.getByTestId("account-title").waitFor();
    await page
      .getByTestId("account-history")
      .getByText(/History/)
      .waitFor();
    await page.waitForLoadState("networkidle");
    await shoot(page, "account-detail");

    await page.goto(`${baseUrl}/accounts/new`);
    const form = page.locator("form");
    await form.getByLabel(/Business name/).fill("Harbour Lights Ltd");
    await form.getByLabel("Email").fill(`ops-${Date.now()}@harbour-lights.example.com`);
    await form.getByLabel("Password").fill("Harbour-Lights-2026!");
    await shoot(page, "account-create");
    await form.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("api-key-reveal").waitFor();
    await shoot(page, "account-create-key");
    await context.close();

    await takeDarkScreenshots(browser, baseUrl);
  } finally {
    await browser.close();
  }
}

/** The same console on a phone (390 px, as when paged at night) and on a desktop, both in the dark theme. */
async function takeDarkScreenshots(browser, baseUrl) {
  const desktop = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: "dark",
  });
  const page = await desktop.newPage();
  await signIn(page, baseUrl);
  await page.goto(`${baseUrl}/`);
  await page.waitForLoadState("networkidle");
  await shoot(page, "overview-dark");
  await desktop.close();

  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme: "dark",
  });
  const phonePage = await phone.newPage();
  await signIn(phonePage, baseUrl);
  await phonePage.goto(`${baseUrl}/accounts`);
  await phonePage.getByTestId("account-row").first().waitFor();
  await shoot(phonePage, "accounts-list-phone-dark", { fullPage: false });
  await phonePage.getByRole("button", { name: /menu/i }).first().click();
  await phonePage.getByRole("dialog").waitFor();
  await shoot(phonePage, "navigation-phone-dark", { fullPage: false });
  await phonePage.keyboard.press("Escape");
  await phonePage.getByTestId("account-row").first().locator("a").first().click();
  await phonePage.getByTestId("account-title").waitFor();
  await phonePage.waitForLoadState("networkidle");
  await shoot(phonePage, "account-detail-phone-dark", { fullPage: false });
  await phone.close();
}

async function main() {
  const executablePath = await locateChromium();
  if (!executablePath) throw new Error(`No Chromium found. Fix: ${INSTALL_COMMAND}`);
  const reason = staleBuildReason();
  if (reason) {
    console.log(`[screenshots] next build (${reason})`);
    if (!buildApp()) throw new Error("next build failed");
  }
  mkdirSync(OUT_DIR, { recursive: true });
  await assertPortsFree();
  const paths = runPaths(runStamp());
  const server = spawnTestServer({ dataDir: paths.dataDir, logFile: paths.serverLog });
  process.on("exit", () => killTestServerNow(server));
  try {
    await waitForHealth(server);
    await takeScreenshots(testServerAddress().baseUrl, executablePath);
  } finally {
    await stopTestServer(server);
  }
}

main().catch((error) => {
  console.error(`[screenshots] ${error.message}`);
  process.exitCode = 1;
});
