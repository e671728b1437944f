import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { rowEmails } from "./support/accounts-page";
import { loginAs } from "./support/login";
import { select, simAccounts } from "./support/sim-accounts";

// The simulator's query for the enabled tab's second page: a fault aimed at it leaves the console's own
// background reads of page 1 (status sets) alone.
const secondPageQuery = { "page[number]": "2", "page[size]": "50" };

test.beforeEach(async () => {
  await resetSim();
});
test.afterEach(async () => {
  await clearFaults();
});

test("a 429 from Telnyx shows the rate-limit state with the wait, then the data", async ({ page }) => {
  const enabled = select(await simAccounts(), { status: "enabled" });
  await loginAs(page, "viewer", "/accounts?status=enabled");
  await expect(rowEmails(page)).toHaveText(enabled.slice(0, 50).map((account) => account.email));

  // Longer than the server's own cap (5 s), so the console passes the wait on instead of sitting on it.
  await injectFault({
    operation: "ListManagedAccounts",
    kind: "rate_limit",
    times: 1,
    retryAfter: 6,
    query: secondPageQuery,
  });
  await page.getByRole("button", { name: "Next page" }).click();

  const notice = page.getByTestId("upstream-notice");
  await expect(notice).toContainText(/Telnyx is rate limiting; retrying in [1-6] s/);
  await expect(rowEmails(page)).toHaveText(
    enabled.slice(50, 100).map((account) => account.email),
    { timeout: 15_000 },
  );
  await expect(notice).toHaveCount(0);
});

test("a 5xx that outlasts the retries shows an error with a working retry button", async ({ page }) => {
  const enabled = select(await simAccounts(), { status: "enabled" });
  await loginAs(page, "viewer", "/accounts?status=enabled");
  await expect(rowEmails(page)).toHaveCount(Math.min(50, enabled.length));

  await injectFault({ operation: "ListManagedAccounts", kind: "server_error", status: 503, times: 1000 });
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByTestId("upstream-notice")).toContainText("retrying");
  const error = page.getByRole("alert").filter({ hasText: "The accounts could not be loaded" });
  await expect(error).toBeVisible({ timeout: 25_000 });

  await clearFaults();
  await error.getByRole("button", { name: "Try again" }).click();
  await expect(rowEmails(page)).toHaveText(enabled.slice(50, 100).map((account) => account.email));
});

test("a slow next page keeps the previous rows, dimmed and marked busy with a progress bar, until it arrives", async ({
  page,
}) => {
  const enabled = select(await simAccounts(), { status: "enabled" });
  await loginAs(page, "viewer", "/accounts?status=enabled");
  await expect(rowEmails(page)).toHaveText(enabled.slice(0, 50).map((account) => account.email));
  const table = page.getByRole("table", { name: "Managed accounts" });
  const region = page.locator("[aria-busy]").filter({ has: table });
  const progress = page.getByRole("progressbar", { name: "Loading the next page" });
  await expect(region).toHaveAttribute("aria-busy", "false");
  await expect(progress).toHaveCount(0);

  await injectFault({
    operation: "ListManagedAccounts",
    kind: "latency",
    ms: 2_500,
    times: 1,
    query: secondPageQuery,
  });
  await page.getByRole("button", { name: "Next page" }).first().click();

  await expect(region).toHaveAttribute("aria-busy", "true");
  await expect(region).toHaveCSS("opacity", "0.6");
  await expect(progress).toBeVisible();
  await expect(rowEmails(page)).toHaveText(enabled.slice(0, 50).map((account) => account.email));
  await expect(rowEmails(page)).toHaveText(enabled.slice(50, 100).map((account) => account.email));
  await expect(region).toHaveAttribute("aria-busy", "false");
  await expect(region).toHaveCSS("opacity", "1");
  await expect(progress).toHaveCount(0);
});
