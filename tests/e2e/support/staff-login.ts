import { expect, type Page } from "@playwright/test";

/** Signs in through the login page as any staff member (people the tests create). */
export async function loginWith(page: Page, email: string, password: string, next = "/"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  const form = page.locator("form");
  await form.getByRole("textbox", { name: /email/i }).fill(email);
  await form.locator('input[type="password"]').fill(password);
  await form.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}
