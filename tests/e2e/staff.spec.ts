import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "../support/api-client";
import { staffEmail } from "../support/env";
import { createPerson, strongPassword, uniqueEmail, type NewPerson } from "../support/staff";
import { loginAs } from "./support/login";
import { loginWith } from "./support/staff-login";

// The Staff page: an admin adds, re-roles, disables and resets people, and each change shows up in what
// that person can do; everyone else is told the page is for admins.

// Two browsers and several scrypt sign-ins per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

async function newPersonAsAdmin(role: NewPerson["role"], prefix: string): Promise<NewPerson> {
  return createPerson(await signIn("admin"), role, prefix);
}

/** A second, separate browser: the other person's own session. */
async function otherBrowserPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

function staffRow(page: Page, email: string) {
  return page.locator(`[data-testid="staff-row"][data-email="${email}"]`);
}

test("an admin adds a person, who can then sign in with that role", async ({ page, browser }) => {
  await loginAs(page, "admin", "/staff");
  await expect(staffRow(page, staffEmail("admin"))).toContainText("(you)");

  const email = uniqueEmail("e2e-added");
  const password = strongPassword();
  await page.getByRole("button", { name: "Add a person" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill("Added In E2E");
  await dialog.getByLabel("Role").selectOption("support");
  await dialog.getByLabel("Initial password").fill("short");
  await expect(dialog.getByTestId("password-strength")).toContainText("Too short");
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog.getByText("Use at least 12 characters.")).toBeVisible();
  await dialog.getByLabel("Initial password").fill(password);
  await expect(dialog.getByTestId("password-strength")).not.toContainText("Too short");
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${email} was added as support.`)).toBeVisible();
  await expect(staffRow(page, email).getByLabel(`Role of ${email}`)).toHaveValue("support");
  await expect(staffRow(page, email)).toContainText("Never");

  const theirs = await otherBrowserPage(browser);
  await loginWith(theirs, email, password);
  await expect(theirs.getByTestId("signed-in-role")).toHaveText("support");
  await theirs.context().close();

  await page.reload();
  await expect(staffRow(page, email)).not.toContainText("Never");
});

test("a taken email is refused in the dialog", async ({ page }) => {
  await loginAs(page, "admin", "/staff");
  await page.getByRole("button", { name: "Add a person" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a person" });
  await dialog.getByLabel("Email").fill(staffEmail("viewer"));
  await dialog.getByLabel("Name").fill("Duplicate");
  await dialog.getByLabel("Initial password").fill(strongPassword());
  await dialog.getByRole("button", { name: "Add person" }).click();
  await expect(dialog.getByText("Already in use.")).toBeVisible();
});

test("a role change, confirmed, shows in the person's header after they sign in again", async ({
  page,
  browser,
}) => {
  const person = await newPersonAsAdmin("viewer", "e2e-role");
  const theirs = await otherBrowserPage(browser);
  await loginWith(theirs, person.email, person.password);
  await expect(theirs.getByTestId("signed-in-role")).toHaveText("viewer");

  await loginAs(page, "admin", "/staff");
  await staffRow(page, person.email).getByLabel(`Role of ${person.email}`).selectOption("support");
  const dialog = page.getByRole("dialog", { name: `Change the role of ${person.email}?` });
  await expect(dialog).toContainText("From viewer to support");
  await dialog.getByRole("button", { name: "Make support" }).click();
  await expect(dialog).toBeHidden();
  await expect(staffRow(page, person.email).getByLabel(`Role of ${person.email}`)).toHaveValue("support");

  await theirs.getByRole("button", { name: /sign out/i }).click();
  await expect(theirs).toHaveURL(/\/login/);
  await loginWith(theirs, person.email, person.password);
  await expect(theirs.getByTestId("signed-in-role")).toHaveText("support");
  await theirs.context().close();
});

test("cancelling a role change leaves the role as it was", async ({ page }) => {
  const person = await newPersonAsAdmin("viewer", "e2e-cancel");
  await loginAs(page, "admin", "/staff");
  await staffRow(page, person.email).getByLabel(`Role of ${person.email}`).selectOption("admin");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(staffRow(page, person.email).getByLabel(`Role of ${person.email}`)).toHaveValue("viewer");
  await page.reload();
  await expect(staffRow(page, person.email).getByLabel(`Role of ${person.email}`)).toHaveValue("viewer");
});

test("disabling a person sends their open session to /login on their next navigation", async ({
  page,
  browser,
}) => {
  const person = await newPersonAsAdmin("support", "e2e-disable");
  const theirs = await otherBrowserPage(browser);
  await loginWith(theirs, person.email, person.password, "/audit");

  await loginAs(page, "admin", "/staff");
  await staffRow(page, person.email).getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${person.email}?` });
  await expect(dialog).toContainText("their sessions stop at their next request");
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(staffRow(page, person.email).getByTestId("staff-status")).toHaveText("disabled");

  await theirs
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Accounts", exact: true })
    .click();
  await expect(theirs).toHaveURL(/\/login/);
  await theirs.context().close();

  // Enabled again, they sign in afresh.
  await staffRow(page, person.email).getByRole("button", { name: "Enable" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Enable" }).click();
  await expect(staffRow(page, person.email).getByTestId("staff-status")).toHaveText("active");
  const again = await otherBrowserPage(browser);
  await loginWith(again, person.email, person.password);
  await again.context().close();
});

test("a password reset: the new password works", async ({ page, browser }) => {
  const person = await newPersonAsAdmin("viewer", "e2e-reset");
  await loginAs(page, "admin", "/staff");
  await staffRow(page, person.email).getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: `Reset the password of ${person.email}?` });
  const password = strongPassword();
  await dialog.getByLabel("New password").fill(password);
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The password of ${person.email} was reset.`)).toBeVisible();

  const theirs = await otherBrowserPage(browser);
  await loginWith(theirs, person.email, password);
  await theirs.context().close();
});

test("an admin's own row cannot be demoted or disabled, with the reason shown", async ({ page }) => {
  await loginAs(page, "admin", "/staff");
  const mine = staffRow(page, staffEmail("admin"));
  await expect(mine.getByLabel(`Role of ${staffEmail("admin")}`)).toBeDisabled();
  await expect(mine.getByRole("button", { name: "Disable" })).toBeDisabled();
  await expect(mine.locator("[data-disabled-reason]").first()).toHaveAttribute(
    "aria-label",
    /cannot change your own role/,
  );
});

for (const role of ["viewer", "support"] as const) {
  test(`a ${role} sees that only admins manage staff`, async ({ page }) => {
    await loginAs(page, role, "/staff");
    await expect(page.getByTestId("staff-refusal")).toContainText("Only admins manage staff");
    await expect(page.getByTestId("staff-table")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add a person" })).toHaveCount(0);
  });
}
