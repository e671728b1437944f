import { expect, type Page } from "@playwright/test";
import { demoPassword, staffEmail, type Role } from "../../support/env";

/** Signs in through the real login page as the seeded demo staff member for `role`. */
export async function loginAs(page: Page, role: Role, next = "/"): Promise<void> {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(next)}`);
  const form = page.locator("form");
  await form.getByRole("textbox", { name: /email/i }).fill(staffEmail(role));
  await form.locator('input[type="password"]').fill(demoPassword());
  await form.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login(\?|$)/);
  await expect(page.getByTestId("signed-in-role")).toHaveText(role);
  if (new URL(page.url()).pathname !== next.split("?")[0]) await page.goto(next);
}
