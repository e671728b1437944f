import { expect, test } from "@playwright/test";

test("the login page shows a sign-in form", async ({ page }) => {
  await page.goto("/login");

  const form = page.locator("form");
  await expect(form.getByRole("textbox", { name: /email/i })).toBeVisible();
  // By type rather than label: a "show password" toggle may also mention the word.
  await expect(form.locator('input[type="password"]')).toBeVisible();
  await expect(form.getByRole("button", { name: /sign in/i })).toBeVisible();
});

test("an unauthenticated visit to the console ends at the login page", async ({ page }) => {
  await page.goto("/");

  await expect(page).toHaveURL(/\/login(\?|$)/);
});
