import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { injectFault, resetSim } from "../support/sim-control";
import { rowEmails } from "./support/accounts-page";
import { bulkBar, confirmBulk, expectJobStatus, jobCount } from "./support/jobs-page";
import { loginAs } from "./support/login";
import { select, simAccount, simAccounts } from "./support/sim-accounts";

test.beforeEach(async () => {
  await resetSim();
});

test("select a page, disable it, watch the job to the end and download the results", async ({ page }) => {
  const expected = select(await simAccounts(), { status: "enabled" }).slice(0, 10);
  await loginAs(page, "admin", "/accounts?status=enabled&pageSize=10");
  await expect(rowEmails(page)).toHaveText(expected.map((account) => account.email));
  // Slow enough to see the job running (badge, progress), quick enough for the suite: 4 at a time, ~3 s.
  await injectFault({ operation: "DisableManagedAccount", kind: "latency", ms: 1000, times: 10 });

  await page.getByRole("checkbox", { name: `Select ${expected[0]!.email}` }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("1 account selected");
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  await expect(page.getByTestId("selection-count")).toHaveText("10 accounts selected");
  await bulkBar(page).getByRole("button", { name: "Disable" }).click();

  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Disable 10 accounts?");
  await expect(dialog).toContainText("Calls already in progress are not cut");
  await expect(dialog.getByTestId("bulk-first-accounts")).toContainText(expected[0]!.email);
  await expect(dialog).toContainText("and 5 more");
  await expect(dialog.getByLabel(/to confirm/)).toHaveCount(0);
  await dialog.getByRole("button", { name: "Disable 10 accounts" }).click();
  await expect(dialog.getByText(/Give a reason/)).toBeVisible();

  await confirmBulk(page, { button: "Disable 10 accounts", reason: "e2e bulk disable" });
  await expect(page.getByTestId("job-title")).toHaveText("Disable accounts: 10 accounts");
  await expect(page.getByTestId("running-jobs-badge")).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Job progress" })).toBeVisible();
  await expectJobStatus(page, "succeeded");
  await expect(jobCount(page, "done")).toHaveText("10");
  await expect(jobCount(page, "pending")).toHaveText("0");
  await expect(page.getByTestId("job-progress-text")).toHaveText("10 of 10 processed (100%)");
  await expect(page.getByTestId("running-jobs-badge")).toHaveCount(0);
  await expect(page.getByTestId("job-item").getByTestId("item-status")).toHaveText(Array(10).fill("done"));
  for (const account of expected) expect((await simAccount(account.id)).status).toBe("disabled");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download results (CSV)" }).click();
  const csv = parseCsv(await readFile((await (await download).path())!, "utf8"));
  const ids = expected.map((account) => account.id).sort();
  const body = csv.slice(1).filter((row) => row.some((cell) => cell !== ""));
  expect(body.map((row) => row.find((cell) => ids.includes(cell))).sort()).toEqual(ids);
});

test("a whole view with typed confirmation: every matching account, not just the page", async ({ page }) => {
  const view = select(await simAccounts(), { emailContains: "voice@" });
  expect(view.length).toBeGreaterThan(25);
  await loginAs(page, "admin", "/accounts?email=voice%40&pageSize=10");
  await expect(page.getByTestId("page-status")).toContainText(`${view.length} accounts`);

  await page.getByRole("checkbox", { name: "Select this page" }).check();
  await bulkBar(page)
    .getByRole("button", { name: `Select all ${view.length} accounts in this view` })
    .click();
  await expect(page.getByTestId("selection-count")).toHaveText(
    `All ${view.length} accounts in this view selected`,
  );
  await bulkBar(page).getByRole("button", { name: "Custom pricing" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Turn off custom pricing").check();
  await dialog.getByLabel(/Reason/).fill("e2e pricing review");
  await dialog.getByLabel(/to confirm/).fill(`pricing ${view.length - 1}`);
  await dialog.getByRole("button", { name: `Change ${view.length} accounts` }).click();
  await expect(dialog.getByText(`Type "pricing ${view.length}" exactly`)).toBeVisible();

  const id = await confirmBulk(page, {
    button: `Change ${view.length} accounts`,
    reason: "e2e pricing review",
    typed: `pricing ${view.length}`,
  });
  await expect(page.getByTestId("job-title")).toHaveText(`Turn off custom pricing: ${view.length} accounts`);
  await expectJobStatus(page, "succeeded");
  await expect(jobCount(page, "done")).toHaveText(String(view.length));
  for (const account of view) {
    expect((await simAccount(account.id)).managed_account_allow_custom_pricing).toBe(false);
  }
  // The jobs list, filtered by action, links to it with its outcome.
  await page.goto("/jobs?action=account.pricing");
  const row = page.getByTestId("job-row").filter({ has: page.locator(`a[href="/jobs/${id}"]`) });
  await expect(row).toContainText("Turn off custom pricing");
  await expect(row.getByTestId("job-status")).toHaveText("succeeded");
  await expect(page.getByTestId("job-row").getByRole("link", { name: /^Disable/ })).toHaveCount(0);
});

test("bulk actions a role may not take are disabled with the reason", async ({ page }) => {
  await loginAs(page, "support", "/accounts?pageSize=10");
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  const bar = bulkBar(page);
  await expect(bar.getByRole("button", { name: "Disable" })).toBeEnabled();
  await expect(bar.getByRole("button", { name: "Custom pricing" })).toBeDisabled();
  await expect(bar.locator('[data-disabled-reason="Only an admin can do this."]')).toHaveCount(1);
});

test("enable with re-enabled connections, then one channel limit for all, each to the end", async ({
  page,
}) => {
  const disabled = select(await simAccounts(), { status: "disabled" }).slice(0, 3);
  await loginAs(page, "admin", "/accounts?status=disabled&pageSize=10");
  for (const account of disabled) {
    await page.getByRole("checkbox", { name: `Select ${account.email}` }).check();
  }
  await bulkBar(page).getByRole("button", { name: "Enable" }).click();
  await page
    .getByRole("dialog")
    .getByLabel(/re-enable all of each account/)
    .check();
  await confirmBulk(page, { button: "Enable 3 accounts", reason: "e2e bulk enable" });
  await expectJobStatus(page, "succeeded");
  for (const account of disabled) expect((await simAccount(account.id)).status).toBe("enabled");

  await page.goto("/accounts?status=enabled&pageSize=10");
  const targets = select(await simAccounts(), { status: "enabled" }).slice(0, 3);
  for (const account of targets) {
    await page.getByRole("checkbox", { name: `Select ${account.email}` }).check();
  }
  await bulkBar(page).getByRole("button", { name: "Set channel limit" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/Pool headroom: \d+ of \d+ channels free, for 3 accounts/);
  await dialog.getByLabel(/Channel limit for every selected account/).fill("2");
  await confirmBulk(page, { button: "Set limit on 3 accounts", reason: "e2e bulk limit" });
  await expect(page.getByTestId("job-title")).toHaveText("Set channel limit to 2: 3 accounts");
  await expectJobStatus(page, "succeeded");
  for (const account of targets) expect((await simAccount(account.id)).channel_limit).toBe(2);
});
