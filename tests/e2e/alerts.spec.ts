import { expect, test, type Page } from "@playwright/test";
import { signIn, type ApiClient } from "../support/api-client";
import { simUrl } from "../support/env";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";

// Low-balance alerts end to end on the shared server: a balance set low at "Telnyx" (the simulator), a
// refresh, then the alert list (acknowledge), an account's own threshold, and the overview's charts.

let admin: ApiClient;
let lowAccount: string;

async function refreshBalances(client: ApiClient) {
  const started = await client.post("/api/balances/refresh", {});
  expect(started.status).toBe(202);
  const { data } = (await started.json()) as { data: { id: string } };
  await expect
    .poll(
      async () => {
        const latest = await client.getJson<{ data: { id: string; status: string } }>(
          "/api/balances/refresh",
        );
        return latest.data.id === data.id ? latest.data.status : "other";
      },
      { timeout: 60_000 },
    )
    .toMatch(/succeeded|partial/);
}

test.beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
  const accounts = (await simAccounts()).filter(
    (account) => account.status === "enabled" && !account.rollup_billing,
  );
  lowAccount = accounts[0]!.id;
  const answer = await fetch(`${simUrl()}/__sim/accounts/${lowAccount}/balance`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ balance: "3.00" }),
  });
  expect(answer.ok).toBe(true);
  await refreshBalances(admin);
});

async function openAlertId(): Promise<string> {
  const list = await admin.getJson<{ data: { id: string; accountId: string; type: string }[] }>(
    "/api/alerts?status=open&pageSize=250",
  );
  const alert = list.data.find((item) => item.accountId === lowAccount && item.type === "balance.low");
  expect(alert, "an open balance.low alert for the account set low").toBeTruthy();
  return alert!.id;
}

test("support sees the open alert with its count in the sidebar and acknowledges it", async ({ page }) => {
  const alertId = await openAlertId();
  await loginAs(page, "support", "/alerts");
  await expect(page.getByTestId("open-alerts-count").first()).toBeVisible();
  const row = page.locator(`[data-alert-id="${alertId}"]`);
  await expect(row).toContainText("Low balance");
  await expect(row).toContainText("3.00");
  await row.getByRole("checkbox").check();
  await expect(page.getByTestId("alerts-selection-bar")).toContainText("1 selected");
  await page.getByRole("button", { name: "Acknowledge selected" }).click();
  await expect(row).toHaveCount(0);
  await page.getByLabel("Show").selectOption("acknowledged");
  await expect(page.locator(`[data-alert-id="${alertId}"]`)).toBeVisible();
});

test("a viewer sees alerts but cannot acknowledge, and has no delivery log", async ({ page }) => {
  await loginAs(page, "viewer", "/alerts?status=all");
  await expect(page.getByTestId("alert-row").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Webhook delivery log" })).toHaveCount(0);
  const open = page.getByRole("button", { name: /^Acknowledge the alert/ });
  if ((await open.count()) > 0) await expect(open.first()).toBeDisabled();
});

test("support sets an account's own threshold and puts it back to the default", async ({ page }) => {
  await loginAs(page, "support", `/accounts/${lowAccount}`);
  const card = page.getByTestId("threshold-card");
  await expect(card.getByTestId("threshold-summary")).toContainText("the default");
  await card.getByRole("button", { name: "Change threshold" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/^Threshold/).fill("abc");
  await dialog.getByLabel(/Reason/).fill("ticket 12: small account");
  await dialog.getByRole("button", { name: "Save threshold" }).click();
  await expect(dialog.getByText(/Give the threshold as an amount/)).toBeVisible();
  await dialog.getByLabel(/^Threshold/).fill("2");
  await dialog.getByRole("button", { name: "Save threshold" }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByTestId("threshold-summary")).toContainText("Alerts below 2.00");
  await expect(card.getByTestId("threshold-summary")).toContainText("this account's own threshold");
  // Back to the default: an empty amount.
  await card.getByRole("button", { name: "Change threshold" }).click();
  await dialog.getByLabel(/^Threshold/).fill("");
  await dialog.getByLabel(/Reason/).fill("ticket 12: back to normal");
  await dialog.getByRole("button", { name: "Save threshold" }).click();
  await expect(card.getByTestId("threshold-summary")).toContainText("the default");
});

async function expectCharts(page: Page) {
  for (const id of [
    "balance-distribution",
    "lowest-balances",
    "accounts-created",
    "channel-allocation",
    "recent-activity",
  ]) {
    const figure = page.getByTestId(`chart-${id}`);
    await expect(figure, id).toBeVisible();
    await expect(figure.locator("svg"), `${id} svg`).toBeVisible();
    await expect(figure.locator("figcaption"), `${id} caption`).not.toBeEmpty();
    // The text alternative: the same figures as a table, for screen readers.
    expect(await figure.locator("table tbody tr").count(), `${id} table rows`).toBeGreaterThan(0);
  }
}

for (const theme of ["light", "dark"] as const) {
  test(`the overview puts what needs attention first, then charts with text alternatives (${theme})`, async ({
    browser,
  }) => {
    // Dark at a phone's width (charts must not widen the page), light at a desktop's.
    const viewport = theme === "dark" ? { width: 390, height: 844 } : { width: 1366, height: 850 };
    const context = await browser.newContext({ colorScheme: theme, viewport, baseURL: process.env.BASE_URL });
    const page = await context.newPage();
    await loginAs(page, "admin", "/");
    const attention = page.getByTestId("attention-belowThreshold");
    await expect(attention).toContainText("below the low-balance threshold");
    expect(Number(await attention.getAttribute("data-count"))).toBeGreaterThan(0);
    await expectCharts(page);
    await expect(page.getByTestId("chart-lowest-balances-table")).toContainText("3.00 (below threshold)");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(
      0,
    );
    await page.screenshot({ path: test.info().outputPath(`overview-${theme}.png`), fullPage: true });
    await context.close();
  });
}
