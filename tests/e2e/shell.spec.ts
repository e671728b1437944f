import { expect, test } from "@playwright/test";
import { loginAs } from "./support/login";

// The shell's small things: sign-in that answers an empty form itself and puts focus on a failure, the skip
// link, titles without repetition, the app icon, the overview saying where its figures come from.

test("the sign-in form refuses an empty form beside its fields; a failed sign-in takes focus to the message", async ({
  page,
}) => {
  const attempts: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/")) attempts.push(request.url());
  });
  await page.goto("/login");
  await expect(page).toHaveTitle("Sign in · Subdesk");
  const form = page.locator("form");
  // React focuses the email field when it hydrates: after that the form's own handler answers the submit.
  await expect(form.getByRole("textbox", { name: "Email" })).toBeFocused();
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Enter your email address.")).toBeVisible();
  await expect(form.getByText("Enter your password.")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Email" })).toBeFocused();
  await expect(form.getByRole("textbox", { name: "Email" })).toHaveAttribute("aria-invalid", "true");
  expect(attempts).toEqual([]);

  await form.getByRole("textbox", { name: "Email" }).fill("nobody-here@subdesk.test");
  await form.locator('input[type="password"]').fill("not the password");
  await form.locator('input[type="password"]').press("Enter");
  const message = page.getByRole("alert").filter({ hasText: "do not match" });
  await expect(message).toBeVisible();
  await expect(message).toBeFocused();
  expect(attempts).toHaveLength(1);
  await expect(form.getByText("Enter your password.")).toBeHidden();
});

test("the skip link comes first and lands in the page; titles name the page once; the icon loads without a session", async ({
  page,
  request,
}) => {
  await loginAs(page, "admin", "/users");
  await expect(page).toHaveTitle("Users · Subdesk");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#content")).toBeFocused();

  // A console page that finds nothing says so inside the shell, navigation at hand. (Its status is 200: the
  // shell has streamed before the page finds out, as Next does for any streamed notFound().)
  await page.goto("/jobs/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "There is no page here" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

  await page.goto("/no-such-page");
  await expect(page).toHaveTitle("Page not found · Subdesk");
  await page.getByRole("link", { name: "Go to the overview" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page).toHaveTitle("Overview · Subdesk");

  // The overview says where its figures come from, and its links say where they go.
  await expect(page.getByTestId("overview-source")).toContainText("Simulated");
  for (const name of ["Open the accounts list", "Open the disabled accounts", "Open the users list"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Open", exact: true })).toHaveCount(0);

  for (const rel of ["icon", "apple-touch-icon"]) {
    const href = await page.locator(`head link[rel="${rel}"]`).first().getAttribute("href");
    expect(href, rel).toBeTruthy();
    // `request` carries no session cookie: the sign-in page shows these icons too.
    const response = await request.get(href!, { maxRedirects: 0 });
    expect(response.status(), rel).toBe(200);
    expect(response.headers()["content-type"], rel).toMatch(/^image\//);
  }
});
