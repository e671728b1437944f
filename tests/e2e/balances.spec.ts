import { expect, test } from "@playwright/test";
import { signIn, type ApiClient } from "../support/api-client";
import { simUrl } from "../support/env";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";

// The fleet's balances from the stored snapshots: /balances (sort, below-threshold filter, an admin's
// refresh with its progress, no button for a viewer), the accounts list's balance column and the account
// page's 30-day chart with its text alternative.

let admin: ApiClient;
let lowAccount: string;

async function sim(path: string, body: unknown) {
  const answer = await fetch(`${simUrl()}/__sim${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(answer.ok).toBe(true);
}

async function refreshBalances() {
  const started = await admin.post("/api/balances/refresh", {});
  expect(started.status).toBe(202);
  const { data } = (await started.json()) as { data: { id: string } };
  await expect
    .poll(
      async () => {
        const latest = await admin.getJson<{ data: { id: string; status: string } }>("/api/balances/refresh");
        return latest.data.id === data.id ? latest.data.status : "other";
      },
      { timeout: 60_000 },
    )
    .toMatch(/succeeded|partial/);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await resetSim();
  admin = await signIn("admin");
  // Not the first spending account: the alerts spec sets that one low and may give it its own threshold.
  lowAccount = (await simAccounts()).filter((a) => a.status === "enabled" && !a.rollup_billing)[3]!.id;
  await sim(`/accounts/${lowAccount}/balance`, { balance: "2.00" });
  await refreshBalances();
  // A simulated day on: every spending account has a rate and days left.
  await sim("/clock", { advanceMinutes: 24 * 60 });
  await refreshBalances();
});

const amountsOf = async (cells: string[]) =>
  cells.map((text) => Number(/-?\d+\.\d+/.exec(text)?.[0] ?? Number.NaN)).filter((n) => !Number.isNaN(n));

test("sorts by balance and days left, filters below threshold, and an admin refreshes", async ({ page }) => {
  await loginAs(page, "admin", "/balances");
  const rows = page.getByTestId("balance-row");
  await expect(rows.first()).toBeVisible();
  // Lowest balance first by default.
  const balances = await amountsOf(
    await page.locator('[data-testid="balance-row"] td:nth-child(2)').allInnerTexts(),
  );
  expect(balances).toEqual([...balances].sort((a, b) => a - b));

  await page.getByRole("button", { name: /days left/i }).click();
  await expect(page).toHaveURL(/sort=days_left/);
  await expect(page.getByRole("columnheader", { name: /days left/i })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  // The table keeps the rows it had (sorted by balance) until the re-sorted page arrives: wait for that.
  await expect
    .poll(async () => {
      const days = await amountsOf(
        await page.locator('[data-testid="balance-row"] td:nth-child(3)').allInnerTexts(),
      );
      return days.length > 0 && days.every((value, index) => index === 0 || days[index - 1]! <= value);
    })
    .toBe(true);

  await page.getByRole("checkbox", { name: "Below threshold only" }).check();
  await expect(page).toHaveURL(/below=true/);
  await expect(page.locator(`[data-account-id="${lowAccount}"]`)).toBeVisible();
  // The table keeps the unfiltered rows on screen until the filtered page arrives: wait for it to settle.
  await expect(rows.filter({ hasNot: page.getByText("Below threshold") })).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Refresh now" }).click();
  await expect(page.getByText(/Refresh started|already running/)).toBeVisible();
  await expect(page.getByTestId("refresh-status")).toContainText(/Last refresh/, { timeout: 60_000 });
});

test("a viewer sees the balances and the last refresh, with no refresh button", async ({ page }) => {
  await loginAs(page, "viewer", "/balances");
  await expect(page.getByTestId("balance-row").first()).toBeVisible();
  await expect(page.getByTestId("refresh-status")).toContainText(/Last refresh/);
  await expect(page.getByRole("button", { name: "Refresh now" })).toHaveCount(0);
});

test("the accounts list shows each row's stored balance and when it was read", async ({ page }) => {
  await loginAs(page, "viewer", "/accounts");
  const cell = page.getByTestId("account-row").first().getByTestId("latest-balance");
  await expect(cell).toContainText(/as of/);
});

test("the account page charts 30 days of balance with a text alternative", async ({ page }) => {
  await loginAs(page, "viewer", `/accounts/${lowAccount}`);
  const chart = page.getByTestId("balance-chart");
  await expect(chart.locator("svg")).toBeVisible();
  await expect(chart.locator("svg")).toHaveAttribute("aria-hidden", "true");
  await expect(page.getByTestId("balance-chart-summary")).toContainText(
    /^From .+ USD on .+ to .+ USD on .+; lowest .+, highest .+\.$/,
  );
  const table = page.getByRole("table", { name: /Balance, last 30 days/ });
  await expect(table).toHaveCount(1);
  await expect(table.getByRole("row")).not.toHaveCount(1);
});
