import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/api-client";
import { totpCode } from "../support/mfa";
import { createPerson, type NewPerson } from "../support/staff";
import { loginAs } from "./support/login";

// Two-factor authentication end to end in the browser: enrolment on the security page (the secret read off
// the page, codes computed from it like an authenticator app), sign-in with a code, the same code refused,
// a recovery code accepted once, and an admin's reset from the Staff page.

test.describe.configure({ timeout: 90_000 });

async function passwordStep(page: Page, person: NewPerson): Promise<void> {
  await page.goto("/login");
  const form = page.locator("form");
  await form.getByRole("textbox", { name: /email/i }).fill(person.email);
  await form.locator('input[type="password"]').fill(person.password);
  await form.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByLabel("Authentication code")).toBeVisible();
}

async function codeStep(page: Page, code: string): Promise<void> {
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

test("enrol, sign in with a code, a replayed code refused, a recovery code used once, an admin's reset", async ({
  page,
}) => {
  const person = await createPerson(await signIn("admin"), "support", "e2e-mfa");
  await page.goto("/login");
  const form = page.locator("form");
  await form.getByRole("textbox", { name: /email/i }).fill(person.email);
  await form.locator('input[type="password"]').fill(person.password);
  await form.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(person.email);

  // Enrolment from the account menu's security page.
  await page.getByRole("link", { name: "Security settings" }).click();
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await expect(async () => {
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible({
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
  const secret = (await page.getByTestId("mfa-secret").locator("code").textContent())!.trim();
  await page.getByLabel("Code from the app").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText(/10 recovery codes left/)).toBeVisible();
  await signOut(page);

  // A code from the next step (the enrolment used this one): signed in.
  const code = totpCode(secret, 30_000);
  await passwordStep(page, person);
  await codeStep(page, code);
  await expect(page.getByTestId("signed-in-as")).toContainText(person.email);
  await signOut(page);

  // The same code again: refused, no session.
  await passwordStep(page, person);
  await codeStep(page, code);
  await expect(page.locator("#sign-in-error")).toContainText("already used");
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);

  // A recovery code works once.
  await codeStep(page, recoveryCode);
  await expect(page.getByTestId("signed-in-as")).toContainText(person.email);
  await signOut(page);
  await passwordStep(page, person);
  await codeStep(page, recoveryCode);
  await expect(page.locator("#sign-in-error")).toContainText("already used");

  // An admin resets it from the Staff page, with a reason; a password alone signs the person in again.
  await loginAs(page, "admin", "/staff");
  const row = page.locator(`[data-testid="staff-row"][data-email="${person.email}"]`);
  await row.getByRole("button", { name: "Reset two-factor" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Reset two-factor" }).click();
  await expect(dialog.getByRole("alert").first()).toBeVisible();
  await dialog.getByLabel(/Reason/).fill("Lost phone, identity checked on a call");
  await dialog.getByRole("button", { name: "Reset two-factor" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Reset two-factor" })).toHaveCount(0);
});
