import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "../support/api-client";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";
import { simUsers } from "./support/sim-users";

// The page walk: every page at a phone's and a desktop's size, in light and in dark. On each: no CSP
// violation, no horizontal page scroll, the navigation reachable, no serious or critical axe finding (at
// desktop size; at phone size on the drawer and the dialogs). At phone size every dialog a page's buttons
// open must fit the screen, scroll inside itself and give focus back to its opener when it closes.
// One browser context per size and theme, pages in a loop, soft assertions so one run reports every page.

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const sizes = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1366, height: 850 },
] as const;

const mainLinks = [
  "Overview",
  "Accounts",
  "Balances",
  "Jobs",
  "Alerts",
  "Users",
  "Access review",
  "Audit",
  "Staff",
  "Approvals",
];
// A main link's whole name (Jobs may carry "2 running"), so a saved view named "Audited…" is not taken for it.
const mainLinkName = (name: string) => new RegExp(`^${name}( \\d+ (running|open|waiting))?$`);

interface Targets {
  account: string;
  job: string;
  user: string;
}

const consolePages = (ids: Targets) => [
  "/",
  "/accounts",
  "/accounts/new",
  `/accounts/${ids.account}`,
  "/balances",
  "/jobs",
  `/jobs/${ids.job}`,
  "/alerts",
  "/alerts/deliveries",
  "/users",
  `/users/${ids.user}`,
  "/users/review",
  "/audit",
  "/staff",
  "/approvals",
  "/security",
  "/no-such-page",
];

let targets: Targets;

test.beforeAll(async () => {
  const account = (await simAccounts()).find((item) => item.status === "enabled")!;
  // A job to look at that changes nothing: custom pricing set to what the account already has.
  const admin = await signIn("admin");
  const created = await admin.post("/api/jobs", {
    action: "account.pricing",
    target: { ids: [account.id] },
    params: { allowCustomPricing: account.managed_account_allow_custom_pricing },
    reason: "Page walk: a job to look at",
  });
  expect(created.status).toBe(202);
  const job = ((await created.json()) as { data: { id: string } }).data;
  targets = { account: account.id, job: job.id, user: (await simUsers())[1]!.id };
});

async function openPage(browser: Browser, size: (typeof sizes)[number], theme: "light" | "dark") {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    colorScheme: theme,
    baseURL: process.env.BASE_URL,
  });
  const page = await context.newPage();
  // Chromium also reports a blocked inline script on the console, sometimes without the event.
  const cspMessages: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy/i.test(message.text())) {
      cspMessages.push(message.text());
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, cspMessages };
}

/** Load, then give the client bundles a moment to hydrate; some pages keep polling, so idle may never come. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle", { timeout: 2_000 }).catch(() => undefined);
}

/** The page's width overflow, with the widest offenders named, so a failure says what to fix. */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    if (overflow <= 0) return null;
    const sticksOut = (element: Element | null) =>
      !!element && element.getBoundingClientRect().right > root.clientWidth + 1;
    // The outermost elements that stick out: the ones to fix, not every descendant of them.
    const offenders = [...document.querySelectorAll("body *")]
      .filter((element) => sticksOut(element) && !sticksOut(element.parentElement))
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute("class")?.slice(0, 80)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
}

async function seriousAxeFindings(page: Page, include?: string): Promise<string[]> {
  // The WCAG A/AA rules (what the issue asks for), without axe's best-practice extras; rows past the
  // tenth repeat the same markup and only slow axe down (seconds per long table).
  const builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("tbody tr:nth-child(n+11)");
  if (include) builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((item) => item.impact === "serious" || item.impact === "critical")
    .map(
      (item) =>
        `${item.impact} ${item.id}: ${item.help} (${item.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(" | ")})`,
    );
}

async function checkNavigation(page: Page, isPhone: boolean, path: string) {
  if (!isPhone) {
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of mainLinks) {
      await expect.soft(nav.getByRole("link", { name: mainLinkName(name) }), path).toBeVisible();
    }
    return;
  }
  const menu = page.getByRole("button", { name: "Open the menu" });
  await expect.soft(menu, path).toBeVisible();
}

/** The drawer holds every main link; Escape closes it and focus goes back to the menu button. */
async function checkDrawer(page: Page) {
  const menu = page.getByRole("button", { name: "Open the menu" });
  const drawer = page.getByRole("dialog", { name: "Subdesk" });
  // A click before hydration does nothing: click again until the drawer is there.
  await expect(async () => {
    if (!(await drawer.isVisible())) await menu.click();
    await expect(drawer).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  for (const name of mainLinks)
    await expect.soft(drawer.getByRole("link", { name: mainLinkName(name) })).toBeVisible();
  expect.soft(await seriousAxeFindings(page, '[role="dialog"]'), "drawer axe").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect.soft(menu).toBeFocused();
  // Following a link closes it too.
  await menu.click();
  await drawer.getByRole("link", { name: "Staff", exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect.soft(drawer).toBeHidden();
}

/** Opens a dialog from `opener`, checks it fits the screen and scrolls, then closes it with Escape. */
async function checkDialog(page: Page, opener: Locator, label: string) {
  const dialog = page.getByRole("dialog");
  // An Enter before the page has hydrated does nothing (the row's handler is not attached yet): press again.
  await expect(async () => {
    if (!(await dialog.isVisible())) {
      await opener.focus();
      await page.keyboard.press("Enter");
    }
    await expect(dialog, label).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  // Radix animates nothing here, but the layout settles a frame after mount.
  await page.waitForTimeout(100);
  const fit = await dialog.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return {
      inside: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      scrolls: element.scrollHeight <= element.clientHeight || /auto|scroll/.test(style.overflowY),
      box: `${Math.round(box.left)},${Math.round(box.top)} ${Math.round(box.width)}x${Math.round(box.height)}`,
    };
  });
  expect.soft(fit.inside, `${label} dialog at ${fit.box} inside the viewport`).toBe(true);
  expect.soft(fit.scrolls, `${label} dialog scrolls inside itself`).toBe(true);
  expect.soft(await seriousAxeFindings(page, '[role="dialog"]'), `${label} dialog axe`).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`dialog-${label.replace(/\W+/g, "-")}.png`) });
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect.soft(opener, `${label}: focus back on what opened it`).toBeFocused();
}

async function checkDialogs(page: Page) {
  await page.goto(`/accounts/${targets.account}`);
  await checkDialog(page, page.getByRole("button", { name: "Disable", exact: true }), "disable");
  await checkDialog(page, page.getByRole("button", { name: "Set channel limit" }), "channel limit");
  await checkDialog(page, page.getByRole("button", { name: "Change threshold" }), "alert threshold");

  await page.goto("/staff");
  await checkDialog(page, page.getByRole("button", { name: "Add a person" }), "add a person");

  await page.goto("/audit");
  await checkDialog(page, page.getByTestId("audit-row").first(), "audit event");

  await page.goto("/accounts?status=enabled");
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await checkDialog(page, bar.getByRole("button", { name: "Disable", exact: true }), "bulk confirm");
}

// What each pass covers. axe reads colours and names, which do not change with the width, and widths do
// not change with the theme: so axe runs once per theme (desktop), the width walk at phone size in dark
// (the view the issue saw broken) and at desktop in both, and the drawer and dialogs (with axe on them)
// at phone size in both themes.
const passes = [
  { size: sizes[1], theme: "light", walk: true, axe: true },
  { size: sizes[1], theme: "dark", walk: true, axe: true },
  { size: sizes[0], theme: "dark", walk: true, axe: false },
  { size: sizes[0], theme: "light", walk: false, axe: false },
] as const;

for (const { size, theme, walk, axe } of passes) {
  const isPhone = size.name === "phone";
  const covers = [walk && "every page", isPhone && "drawer and dialogs"].filter(Boolean).join(", ");
  test(`${covers} at ${size.width}x${size.height} in ${theme}`, async ({ browser }) => {
    // Thirteen pages with axe passes: about 50 s on a two-core machine at load 13, so room to spare.
    test.setTimeout(180_000);
    const { page, cspMessages } = await openPage(browser, size, theme);
    const shot = (path: string) =>
      page.screenshot({
        path: test
          .info()
          .outputPath(`${size.name}-${theme}-${path.replace(/\W+/g, "-").slice(1) || "overview"}.png`),
      });

    await page.goto("/login");
    await settle(page);
    expect.soft(await horizontalOverflow(page), "/login overflow").toBeNull();
    expect.soft(await seriousAxeFindings(page), "/login axe").toEqual([]);
    expect.soft(await page.evaluate(() => window.__cspViolations), "/login CSP").toEqual([]);
    await shot("/login");

    await loginAs(page, "admin");
    if (isPhone) await checkDrawer(page);
    for (const path of walk ? consolePages(targets) : []) {
      const response = await page.goto(path);
      expect.soft(response?.status(), path).toBe(path === "/no-such-page" ? 404 : 200);
      await settle(page);
      expect.soft(await horizontalOverflow(page), `${path} overflow`).toBeNull();
      if (path !== "/no-such-page") await checkNavigation(page, isPhone, path);
      if (axe) expect.soft(await seriousAxeFindings(page), `${path} axe`).toEqual([]);
      expect.soft(await page.evaluate(() => window.__cspViolations), `${path} CSP`).toEqual([]);
      expect.soft(cspMessages.splice(0), `${path} CSP on the console`).toEqual([]);
      await shot(path);
    }
    if (isPhone) await checkDialogs(page);
    await page.context().close();
  });
}
