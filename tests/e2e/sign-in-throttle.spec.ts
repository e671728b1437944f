import { expect, test } from "@playwright/test";
import { loginWith } from "./support/staff-login";

// The login form after the throttle refuses an attempt: it says when to retry (from the 429's Retry-After,
// carried in next-auth's `url`), and someone else at the same address signs in as usual.

test("the 11th wrong password for one email shows when to retry; a colleague still signs in", async ({
  page,
}) => {
  const email = `throttle-e2e-${Date.now()}@subdesk.test`;
  await page.goto("/login");
  const form = page.locator("form");
  const alert = page.locator("#sign-in-error");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await form.getByRole("textbox", { name: /email/i }).fill(email);
    await form.locator('input[type="password"]').fill(`wrong password ${attempt}`);
    await form.getByRole("button", { name: /sign in/i }).click();
    await expect(alert).toHaveText("That email and password do not match an active account.");
    await expect(form.getByRole("button", { name: /sign in/i })).toBeEnabled();
  }
  await form.locator('input[type="password"]').fill("wrong password 11");
  await form.getByRole("button", { name: /sign in/i }).click();
  await expect(alert).toContainText(
    /Too many failed sign-ins\. Try again in 15 minutes \(after \d{1,2}:\d{2}/,
  );
  await expect(page).toHaveURL(/\/login/);

  await loginWith(page, "viewer@subdesk.test", process.env.DEMO_PASSWORD ?? "subdesk-demo-pass");
});
