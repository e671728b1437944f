import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { bulkBar, confirmBulk, expectJobStatus } from "./support/jobs-page";
import { loginAs } from "./support/login";

async function seriousFindings(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations
    .filter((item) => item.impact === "serious" || item.impact === "critical")
    .map(
      (item) =>
        `${item.impact} ${item.id}: ${item.help} (${item.nodes
          .slice(0, 3)
          .map((node) => node.target.join(" "))
          .join(" | ")})`,
    );
}

test("the selection bar, the bulk dialog, and the job page have no serious axe finding (the jobs list is in the CSP/axe page walk)", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await resetSim();
  await loginAs(page, "admin", "/accounts?status=enabled&pageSize=10");
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  expect(await seriousFindings(page)).toEqual([]);
  await bulkBar(page).getByRole("button", { name: "Select all" }).click();
  await bulkBar(page).getByRole("button", { name: "Disable" }).click();
  await expect(page.getByRole("dialog").getByLabel(/to confirm/)).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await page.getByRole("checkbox", { name: "Select this page" }).uncheck();
  await page.getByRole("checkbox", { name: "Select this page" }).check();
  await bulkBar(page).getByRole("button", { name: "Custom pricing" }).click();
  await confirmBulk(page, { button: "Change 10 accounts", reason: "e2e axe" });
  await expectJobStatus(page, "succeeded");
  expect(await seriousFindings(page)).toEqual([]);
});
