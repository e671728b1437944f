import { expect, test } from "@playwright/test";
import { signIn } from "../support/api-client";
import { baseUrl } from "../support/env";
import { resetSim } from "../support/sim-control";
import { pageStatus, recordListRequests, rowEmails } from "./support/accounts-page";
import { loginAs } from "./support/login";
import { select, simAccounts } from "./support/sim-accounts";

test.beforeEach(async ({ page }) => {
  await resetSim();
  await loginAs(page, "viewer", "/accounts");
});

test("the first page arrives in the server's HTML", async () => {
  const client = await signIn("viewer");
  const response = await fetch(`${baseUrl()}/accounts`, { headers: { Cookie: client.cookieHeader() } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const firstPage = select(await simAccounts()).slice(0, 50);
  expect(firstPage.length).toBeGreaterThan(0);
  for (const account of firstPage) expect(html).toContain(account.email);
  // The 51st account belongs to page 2 and must not be there.
  const next = select(await simAccounts())[50];
  if (next) expect(html).not.toContain(`>${next.email}<`);
});

test("lists the newest accounts first, with a status on every row and the total", async ({ page }) => {
  const expected = select(await simAccounts());
  await expect(rowEmails(page)).toHaveText(expected.slice(0, 50).map((account) => account.email));
  await expect(pageStatus(page)).toHaveText(
    `1–50 of ${expected.length} accounts · page 1 of ${Math.ceil(expected.length / 50)}`,
  );
  const first = expected[0]!;
  await expect(page.getByTestId("account-row").first().getByTestId("account-status")).toHaveText(
    first.status,
  );
});

test("email filter: contains, the 3-character rule, and exact match", async ({ page }) => {
  const accounts = await simAccounts();
  const requests = recordListRequests(page);
  const email = page.getByRole("searchbox", { name: "Email" });

  await email.fill("ba");
  await expect(page.getByText(/Type at least 3 characters to search by part of the email/)).toBeVisible();
  await page.waitForTimeout(800);
  expect(requests.filter((url) => url.searchParams.has("email"))).toHaveLength(0);
  expect(new URL(page.url()).searchParams.get("email")).toBeNull();

  await email.fill("bakery");
  const bakeries = select(accounts, { emailContains: "bakery" });
  await expect(page).toHaveURL(/email=bakery/);
  await expect(rowEmails(page)).toHaveText(bakeries.slice(0, 50).map((account) => account.email));
  await expect(pageStatus(page)).toContainText(`${bakeries.length} account`);

  const target = bakeries[0]!;
  await page.getByRole("combobox", { name: "Email match" }).selectOption("eq");
  await email.fill(target.email);
  await expect(page).toHaveURL(/emailMatch=eq/);
  await expect(rowEmails(page)).toHaveText([target.email]);

  // "is exactly" takes short text: it is sent at once, and nothing matches.
  await email.fill("ab");
  await expect(page.getByText(/Type at least 3 characters/)).toHaveCount(0);
  await expect(page.getByText("No accounts match this view.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(rowEmails(page)).toHaveCount(50);
  await expect(email).toHaveValue("");
});

test("organization filter narrows by part of the name", async ({ page }) => {
  const accounts = await simAccounts();
  const word = accounts[0]!.organization_name.split(" ")[0]!.slice(0, 5);
  const expected = select(accounts, { orgContains: word });
  await page.getByRole("searchbox", { name: "Organization" }).fill(word);
  await expect(page).toHaveURL(new RegExp(`org=${encodeURIComponent(word)}`));
  await expect(rowEmails(page)).toHaveText(expected.slice(0, 50).map((account) => account.email));
});

test("sorts by email and created date both ways, with aria-sort", async ({ page }) => {
  const accounts = await simAccounts();
  const emailHeader = page.getByRole("columnheader", { name: /Email/ });
  const createdHeader = page.getByRole("columnheader", { name: /Created/ });
  await expect(createdHeader).toHaveAttribute("aria-sort", "descending");

  await emailHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(emailHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(createdHeader).toHaveAttribute("aria-sort", "none");
  await expect(rowEmails(page)).toHaveText(
    select(accounts, { sort: "email" })
      .slice(0, 50)
      .map((a) => a.email),
  );

  await emailHeader.getByRole("button").click();
  await expect(emailHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rowEmails(page)).toHaveText(
    select(accounts, { sort: "-email" })
      .slice(0, 50)
      .map((a) => a.email),
  );

  await createdHeader.getByRole("button").click();
  await createdHeader.getByRole("button").click();
  await expect(page).toHaveURL(/sort=created_at/);
  await expect(createdHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(rowEmails(page)).toHaveText(
    select(accounts, { sort: "created_at" })
      .slice(0, 50)
      .map((a) => a.email),
  );
});

test("paging, page size, and the URL: back/forward, reload and a pasted link", async ({ page, context }) => {
  const expected = select(await simAccounts());
  const emails = (from: number, to: number) => expected.slice(from, to).map((account) => account.email);

  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rowEmails(page)).toHaveText(emails(50, 100));

  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page).toHaveURL(/pageSize=10/);
  await expect(rowEmails(page)).toHaveText(emails(0, 10));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(rowEmails(page)).toHaveText(emails(10, 20));

  await page.goBack();
  await expect(rowEmails(page)).toHaveText(emails(0, 10));
  await page.goBack();
  await expect(rowEmails(page)).toHaveText(emails(50, 100));
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/page=2/);
  await expect(rowEmails(page)).toHaveText(emails(10, 20));

  await page.reload();
  await expect(rowEmails(page)).toHaveText(emails(10, 20));
  await expect(page.getByLabel("Rows per page")).toHaveValue("10");

  const pasted = await context.newPage();
  await pasted.goto(page.url());
  await expect(rowEmails(pasted)).toHaveText(emails(10, 20));
  await pasted.close();

  await page.getByLabel("Rows per page").selectOption("250");
  await expect(rowEmails(page)).toHaveCount(Math.min(250, expected.length));
});

test("status tabs show only accounts in that status", async ({ page }) => {
  const accounts = await simAccounts();
  for (const [name, status] of [
    ["Disabled", "disabled"],
    ["Blocked", "blocked"],
    ["Cancelled", "cancelled"],
    ["Enabled", "enabled"],
  ] as const) {
    const expected = select(accounts, { status });
    expect(expected.length, status).toBeGreaterThan(0);
    await page.getByRole("tab", { name }).click();
    await expect(page).toHaveURL(new RegExp(`status=${status}`));
    await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
    await expect(pageStatus(page)).toContainText(`${expected.length} account`);
    await expect(rowEmails(page)).toHaveText(expected.slice(0, 50).map((account) => account.email));
    const badges = page.getByTestId("account-row").getByTestId("account-status");
    for (const badge of await badges.all()) await expect(badge).toHaveText(status);
  }
  await page.goBack();
  await expect(page.getByRole("tab", { name: "Cancelled" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("tab", { name: "All" }).click();
  await page.getByLabel(/Include cancelled accounts/).check();
  await expect(pageStatus(page)).toContainText(
    `${select(accounts, { includeCancelled: true }).length} accounts`,
  );
});

test("every status tab, Blocked included, shows its count as the simulator holds it", async ({ page }) => {
  const accounts = await simAccounts();
  const count = (status: string) => accounts.filter((account) => account.status === status).length;
  const expected = {
    All: accounts.length - count("cancelled"),
    Enabled: count("enabled"),
    Disabled: count("disabled"),
    Blocked: count("blocked"),
    Cancelled: count("cancelled"),
  };
  const tabCount = (name: string) => page.getByRole("tab", { name }).getByTestId("tab-count");
  // Every seeded email has ".example.com": the whole fleet, under a server cache key no earlier test used
  // (a status set cached before another test's reset could otherwise answer for 15 s).
  expect(accounts.every((account) => account.email.includes(".example.com"))).toBe(true);
  await page.goto(`/accounts?email=${encodeURIComponent(".example.com")}`);
  for (const [name, value] of Object.entries(expected))
    await expect(tabCount(name)).toHaveText(String(value));
  // On another tab the counts stay (asked for once, cached), and that tab's rows are its count.
  await page.getByRole("tab", { name: "Blocked" }).click();
  await expect(page).toHaveURL(/status=blocked/);
  await expect(rowEmails(page)).toHaveCount(Math.min(50, expected.Blocked));
  for (const [name, value] of Object.entries(expected))
    await expect(tabCount(name)).toHaveText(String(value));
  for (const badge of await page.getByTestId("account-row").getByTestId("account-status").all()) {
    await expect(badge).toHaveText("blocked");
  }
});

test("a row takes focus with Tab and opens with Enter; its email stays a real link", async ({ page }) => {
  const first = select(await simAccounts())[0]!;
  await expect(rowEmails(page).first()).toHaveAttribute("href", `/accounts/${first.id}`);
  // The last header control is the Created sort; the next Tab stop is the first row itself.
  await page
    .getByRole("columnheader", { name: /Created/ })
    .getByRole("button")
    .focus();
  await page.keyboard.press("Tab");
  const row = page.getByTestId("account-row").first();
  await expect(row).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${first.id}$`));
  await expect(page.getByTestId("account-title")).toHaveText(first.email);
});
