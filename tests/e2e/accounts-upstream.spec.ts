import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { rowEmails } from "./support/accounts-page";
import { loginAs } from "./support/login";
import { select, simAccounts } from "./support/sim-accounts";

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
  // Aimed at page 2: the console's own background reads of page 1 (status sets) must not take it.
  await injectFault({
    operation: "ListManagedAccounts",
    kind: "rate_limit",
    times: 1,
    retryAfter: 6,
    query: { "page[number]": "2", "page[size]": "50" },
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
