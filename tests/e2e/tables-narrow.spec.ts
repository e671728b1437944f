import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/api-client";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";

// Every list at phone width: the page never scrolls sideways, the table does, with its first column kept
// in view and a cue at the edge that there is more.
const phone = { width: 390, height: 844 };

test.beforeAll(async () => {
  await resetSim();
  // The jobs list needs a job to show; a small pricing change is quick and harmless.
  const admin = await signIn("admin");
  const ids = (await simAccounts()).filter((account) => account.status === "enabled").slice(0, 2);
  const response = await admin.post("/api/jobs", {
    action: "account.pricing",
    target: { ids: ids.map((account) => account.id) },
    params: { allowCustomPricing: true },
    reason: "e2e narrow tables need a job to list",
  });
  expect(response.status, await response.clone().text()).toBe(202);
});

test.afterAll(async () => {
  await resetSim();
});

async function documentWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

for (const path of ["/accounts", "/staff", "/users", "/jobs", "/users/review"]) {
  test(`${path} at 390 px: no sideways page scroll; the table scrolls under a sticky first column`, async ({
    page,
  }) => {
    await page.setViewportSize(phone);
    await loginAs(page, "admin", path);
    const scroller = page.getByTestId("table-scroller").first();
    const firstCell = scroller.locator("tbody tr").first().locator("td[data-first-column]");
    await expect(firstCell).toBeVisible();
    expect(await documentWidth(page)).toBeLessThanOrEqual(phone.width);

    // The table is wider than the phone: the cue shows, the scroller takes focus for the arrow keys.
    const cue = scroller.locator("xpath=..").getByTestId("scroll-cue");
    await expect(cue).toBeVisible();
    await expect(scroller).toHaveAttribute("tabindex", "0");
    const before = (await firstCell.boundingBox())!;
    expect(before.x).toBeGreaterThanOrEqual(0);
    expect(before.x + before.width).toBeLessThanOrEqual(phone.width);

    await scroller.evaluate((element) => element.scrollTo({ left: element.scrollWidth }));
    // At the right end there is no more to show: this table's cue goes.
    await expect(cue).toHaveCount(0);
    const after = (await firstCell.boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    expect(await documentWidth(page)).toBeLessThanOrEqual(phone.width);
  });
}

test("a jobs row opens its job with Enter", async ({ page }) => {
  await loginAs(page, "admin", "/jobs");
  const row = page.getByTestId("job-row").first();
  const href = await row.getByRole("link").getAttribute("href");
  // An Enter before the page has hydrated does nothing (the row's handler is not attached yet): press again.
  await expect(async () => {
    if (new URL(page.url()).pathname === "/jobs") {
      await row.focus();
      await expect(row).toBeFocused();
      await page.keyboard.press("Enter");
    }
    await expect(page).toHaveURL(href!, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
});
