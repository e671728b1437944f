import { expect, test, type Page } from "@playwright/test";
import { demoPassword } from "../support/env";

// Single sign-on through the embedded identity provider (a real oidc-provider on its own port): each
// mapped group signs in with its role, and a person whose groups map to nothing is refused with a message.

/**
 * "Sign in with SSO", retried until the page has hydrated and the provider's form is on screen; by keyboard
 * (Tab back from the focused email field, then Enter) when asked.
 */
async function openSso(page: Page, byKeyboard = false): Promise<void> {
  await page.goto("/login");
  await expect(async () => {
    if (byKeyboard) {
      await page.getByRole("textbox", { name: "Email" }).focus();
      await page.keyboard.press("Shift+Tab");
      await expect(page.getByRole("button", { name: "Sign in with SSO" })).toBeFocused();
      await page.keyboard.press("Enter");
    } else {
      await page.getByRole("button", { name: "Sign in with SSO" }).click();
    }
    await expect(page.getByRole("heading", { name: "Local identity provider" })).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
}

async function signInAtProvider(page: Page, email: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(demoPassword());
  await page.getByRole("button", { name: "Continue" }).click();
}

for (const role of ["admin", "support", "viewer"] as const) {
  test(`SSO signs a person in the ${role} group in as ${role}`, async ({ page }) => {
    await openSso(page, role === "viewer");
    await signInAtProvider(page, `${role}@subdesk.test`);
    await expect(page.getByTestId("signed-in-role")).toHaveText(role);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  });
}

test("SSO refuses a person whose groups map to no role, saying why", async ({ page }) => {
  await openSso(page);
  await signInAtProvider(page, "contractor@subdesk.test");
  await expect(page).toHaveURL(/\/login\?error=sso_no_role/);
  await expect(page.locator("#sign-in-error")).toContainText("no group that maps to a Subdesk role");
  await expect(page.getByTestId("signed-in-role")).toHaveCount(0);
});

test("the provider's own form refuses a wrong password", async ({ page }) => {
  await openSso(page);
  await page.getByLabel("Email").fill("admin@subdesk.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match.");
});
