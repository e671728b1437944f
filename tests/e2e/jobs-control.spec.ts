import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { bulkBar, confirmBulk, expectJobStatus, jobCount } from "./support/jobs-page";
import { loginAs } from "./support/login";
import { select, simAccount, simAccounts } from "./support/sim-accounts";

test.beforeEach(async () => {
  await resetSim();
});

test("cancel: the item in flight finishes, the rest are cancelled and left unchanged", async ({ page }) => {
  // 25 slow items, 4 at a time (the driver's concurrency): about 10 s if nobody cancelled.
  const expected = select(await simAccounts(), { status: "enabled" }).slice(0, 25);
  await injectFault({ operation: "DisableManagedAccount", kind: "latency", ms: 1500, times: 25 });
  await loginAs(page, "admin", "/accounts?status=enabled&pageSize=25");
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  await bulkBar(page).getByRole("button", { name: "Disable" }).click();
  await confirmBulk(page, { button: "Disable 25 accounts", reason: "e2e cancel" });
  await expect(jobCount(page, "done")).not.toHaveText("0", { timeout: 10_000 });

  await page.getByRole("button", { name: "Cancel job" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("What is done stays done");
  await dialog.getByRole("button", { name: "Cancel job" }).click();
  await expectJobStatus(page, "cancelled");
  const done = Number(await jobCount(page, "done").textContent());
  const cancelled = Number(await jobCount(page, "cancelled").textContent());
  expect(cancelled).toBeGreaterThan(0);
  expect(done + cancelled).toBe(25);
  await expect(jobCount(page, "pending")).toHaveText("0");
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);

  const states = await Promise.all(expected.map(async (account) => (await simAccount(account.id)).status));
  expect(states.filter((state) => state === "disabled")).toHaveLength(done);
  await page.getByLabel("Show").selectOption("cancelled");
  await expect(page.getByTestId("job-item")).toHaveCount(cancelled);
});

test("retry failed: Telnyx refuses some items, a new job of just those succeeds", async ({ page }) => {
  const expected = select(await simAccounts(), { status: "enabled" }).slice(0, 6);
  await injectFault({ operation: "DisableManagedAccount", kind: "server_error", status: 422, times: 2 });
  await loginAs(page, "admin", "/accounts?status=enabled&pageSize=10");
  for (const account of expected) {
    await page.getByRole("checkbox", { name: `Select ${account.email}` }).check();
  }
  await bulkBar(page).getByRole("button", { name: "Disable" }).click();
  const first = await confirmBulk(page, { button: "Disable 6 accounts", reason: "e2e retry failed" });
  await expectJobStatus(page, "partial");
  await expect(jobCount(page, "failed")).toHaveText("2");
  await expect(jobCount(page, "done")).toHaveText("4");
  await page.getByLabel("Show").selectOption("failed");
  await expect(page.getByTestId("job-item")).toHaveCount(2);
  await expect(page.getByTestId("item-error").first()).not.toBeEmpty();

  await clearFaults();
  await page.getByRole("button", { name: "Retry 2 failed" }).click();
  await expect(page).not.toHaveURL(new RegExp(first));
  await expect(page.getByTestId("job-title")).toHaveText("Disable accounts: 2 accounts");
  await expectJobStatus(page, "succeeded");
  await expect(page.getByRole("link", { name: "an earlier job" })).toHaveAttribute("href", `/jobs/${first}`);
  for (const account of expected) expect((await simAccount(account.id)).status).toBe("disabled");
});
