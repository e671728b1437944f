import { expect, test } from "@playwright/test";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simUsers, type SimUser } from "./support/sim-users";

// /users/[id]: every field, the groups, and the user's history from our audit trail.

let users: SimUser[];

test.beforeEach(async ({ page }) => {
  await resetSim();
  users = await simUsers();
  await loginAs(page, "admin", "/users");
});

test.afterEach(async () => {
  await clearFaults();
});

test("the detail page shows every field and the groups, rendered by the server", async ({ page }) => {
  const user = users.find((candidate) => candidate.groups.length >= 2 && candidate.last_sign_in_at)!;
  const html = await (await page.request.get(`/users/${user.id}`)).text();
  expect(html).toContain(user.id);
  for (const group of user.groups) expect(html).toContain(`>${group}<`);

  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.email);
  const fields = page.getByTestId("user-fields");
  await expect(fields).toContainText(user.id);
  await expect(fields).toContainText(user.record_type === "organization_owner" ? "Owner" : "Sub-user");
  await expect(fields).toContainText(user.user_status);
  // The relative time and the exact one both carry it.
  await expect(fields.locator(`time[datetime="${user.last_sign_in_at}"]`).first()).toBeVisible();
  await expect(fields).toContainText(user.organization_user_bypasses_sso ? "bypasses SSO" : "through SSO");
  const groups = page.getByRole("list", { name: "Groups" }).getByRole("listitem");
  await expect(groups).toHaveText(user.groups);
  // Ids repeat after a simulator reset while the audit trail stays: the history may hold earlier runs' rows.
  await expect(page.getByTestId("history-list").or(page.getByText("No changes recorded"))).toBeVisible();
});

test("a user who never signed in says so and is marked dormant", async ({ page }) => {
  const user = users.find((candidate) => candidate.last_sign_in_at === null)!;
  await page.goto(`/users/${user.id}`);
  const fields = page.getByTestId("user-fields");
  await expect(fields).toContainText("never");
  await expect(fields.getByTestId("dormant-mark")).toBeVisible();
});

test("a failed removal is shown in the dialog and appears in the user's history", async ({ page }) => {
  const user = users.find((candidate) => candidate.record_type === "organization_sub_user")!;
  await injectFault({ operation: "DeleteOrganizationUser", kind: "server_error", status: 500, times: 1 });
  await page.goto(`/users/${user.id}`);
  await page.getByRole("button", { name: `Remove ${user.email}` }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
  await dialog.getByLabel(/Reason/).fill("Left the company (history check)");
  await dialog.getByRole("button", { name: "Remove user" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Still there upstream, and the attempt is in the history with its reason and outcome.
  expect((await simUsers()).some((candidate) => candidate.id === user.id)).toBe(true);
  const history = page.getByTestId("history-list");
  await expect(history).toContainText(`Removed user ${user.email}`);
  await expect(history).toContainText("failure");
  await expect(history).toContainText("Left the company (history check)");
  await expect(history).toContainText("admin@subdesk.test");
});

test("an unknown or malformed id shows the not-found page", async ({ page }) => {
  await page.goto("/users/00000000-0000-4000-8000-000000000000");
  await expect(page.getByText("This user is not in the organization")).toBeVisible();
  // Only the not-found panel: nothing claims to be retrying, and there is a way back.
  await expect(page.getByTestId("upstream-notice")).toHaveCount(0);
  await expect(page.getByText(/retrying/i)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to all users" })).toHaveAttribute("href", /^\/users/);
  await page.goto("/users/not-an-id");
  await expect(page.getByText("This user is not in the organization")).toBeVisible();
});

test("copy buttons beside the email and the id; All users goes back to the list as it was left", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/users?status=enabled&pageSize=100");
  const listUrl = new URL(page.url());
  const link = page.locator('a[href^="/users/"]').filter({ hasText: "@" }).first();
  const email = (await link.textContent())?.trim();
  const user = users.find((candidate) => candidate.email === email)!;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.email);
  await expect(page).toHaveURL(new RegExp(`/users/${user.id}$`));

  const fields = page.getByTestId("user-fields");
  for (const [label, value] of [
    ["email", user.email],
    ["user id", user.id],
  ] as const) {
    const button = fields.getByRole("button", { name: `Copy ${label}` });
    await button.click();
    await expect(button.locator("..").getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  }

  await page.getByRole("link", { name: "All users" }).click();
  await expect(page).toHaveURL(`${listUrl.pathname}${listUrl.search}`);
});
