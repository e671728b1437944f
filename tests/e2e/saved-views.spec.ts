import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";

// Saved views: save the accounts list's filters and sort, find the view in the sidebar, open it from
// elsewhere and get the same rows, share one with a colleague, and delete it; the users list on a phone.

// Rows by account id: sturdier than any one column.
const rowIds = (page: Page) =>
  page
    .getByTestId("account-row")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-account-id")));

async function expectRows(page: Page, ids: (string | null)[]) {
  await expect.poll(() => rowIds(page)).toEqual(ids);
}

const uniqueName = (prefix: string) => `${prefix} ${randomBytes(3).toString("hex")}`;
const sidebarViews = (page: Page, list: string) =>
  page.getByRole("list", { name: `Saved ${list} views` }).first();

async function saveView(page: Page, name: string, { shared = false } = {}) {
  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  if (shared) await dialog.getByRole("switch", { name: "Share with the team" }).click();
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();
}

test.beforeEach(async () => {
  await resetSim();
});

test("a saved view is in the sidebar, opens the same rows, is shared with a colleague, and is deleted", async ({
  page,
  browser,
}) => {
  await loginAs(page, "support", "/accounts?status=disabled&sort=email&pageSize=10");
  await expect(page.getByTestId("account-row").first()).toBeVisible();
  const rows = await rowIds(page);
  expect(rows).toHaveLength(10);
  const name = uniqueName("Disabled by email");
  await saveView(page, name, { shared: true });

  const link = sidebarViews(page, "accounts").getByRole("link", { name });
  await expect(link).toBeVisible();
  // The sidebar arrives with the page, rendered by the server.
  expect(await (await page.request.get("/users")).text()).toContain(name);
  await page.goto("/accounts");
  await expect.poll(() => rowIds(page)).not.toEqual(rows);
  await sidebarViews(page, "accounts").getByRole("link", { name }).click();
  await expect(page).toHaveURL(/status=disabled/);
  await expect(page).toHaveURL(/sort=email/);
  await expect(page).toHaveURL(/pageSize=10/);
  await expectRows(page, rows);
  await expect(sidebarViews(page, "accounts").getByRole("link", { name })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // A colleague sees it, marked as shared by its owner, and may open it but not delete it.
  const colleague = await (await browser.newContext()).newPage();
  await loginAs(colleague, "viewer", "/accounts");
  const shared = sidebarViews(colleague, "accounts").getByRole("link", { name });
  await expect(shared).toContainText("Shared by");
  await shared.click();
  await expectRows(colleague, rows);
  await colleague.getByRole("button", { name: /^Views/ }).click();
  await expect(colleague.getByRole("button", { name: `Delete the view ${name}` })).toBeDisabled();
  await colleague.close();

  // The owner deletes it, after confirming (the sidebar shows delete on hover or keyboard focus).
  await sidebarViews(page, "accounts").getByRole("link", { name }).hover();
  await sidebarViews(page, "accounts")
    .getByRole("button", { name: `Delete the view ${name}` })
    .click();
  const confirm = page.getByRole("dialog", { name: `Delete the view "${name}"?` });
  await expect(confirm).toContainText("disappears for everyone");
  await confirm.getByRole("button", { name: "Delete view" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("on a phone the users list's views are one tap away on its toolbar", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, "viewer", "/users?status=disabled&pageSize=25");
  const name = uniqueName("Disabled users");
  await saveView(page, name);

  await page.goto("/users");
  await page.getByRole("button", { name: /^Views/ }).click();
  const dialog = page.getByRole("dialog", { name: "Saved users views" });
  await dialog.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/users\?.*status=disabled/);
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByTestId("users-table").locator("tbody tr").first()).toContainText("disabled");

  // A name already used for this list is refused in the dialog, next to the field.
  await page.getByRole("button", { name: "Save view" }).click();
  const save = page.getByRole("dialog");
  await save.getByLabel("Name").fill(name);
  await save.getByRole("button", { name: "Save view" }).click();
  await expect(save.getByRole("alert")).toContainText("already have a view with this name");
});
