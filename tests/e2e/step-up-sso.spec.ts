import { expect, test } from "@playwright/test";
import { demoPassword } from "../support/env";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server";
import { stopOwnServer, type OwnServer } from "../support/own-server";

// Step-up for a single sign-on session, on a console of this spec's own whose step-up window is 8 seconds
// (the provider's auth_time is real time, so the test clock cannot stand in for waiting): the dialog sends
// the person to the identity provider, which asks for the password again although its own session is alive
// (prompt=login, max_age=0), and back on the page the same action goes through.

let server: OwnServer;
let simState: EmbeddedServer["simState"];

test.beforeAll(async () => {
  ({ server, simState } = await startEmbeddedServer("e2e-step-up-sso", 35, {
    SUBDESK_STEP_UP_MAX_AGE_SECONDS: "8",
  }));
});
test.afterAll(() => stopOwnServer(server));

test("an SSO session steps up at the identity provider and the action then goes through", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const accounts = await simState<{ id: string; email: string; status: string }>("accounts");
  const account = accounts.find((row) => row.status === "enabled")!;
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  const providerForm = page.getByRole("heading", { name: "Local identity provider" });
  await page.goto("/login");
  await expect(async () => {
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(providerForm).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 20_000 });
  const signInAtProvider = async () => {
    await page.getByLabel("Email").fill("admin@subdesk.test");
    await page.getByLabel("Password").fill(demoPassword());
    await page.getByRole("button", { name: "Continue" }).click();
  };
  await signInAtProvider();
  await expect(page.getByTestId("signed-in-role")).toHaveText("admin");

  await page.goto(`/accounts/${account.id}`);
  // Past the 8-second window.
  await page.waitForTimeout(9_000);
  const disable = async () => {
    await page.getByRole("button", { name: "Disable" }).click();
    const dialog = page.getByRole("dialog", { name: `Disable ${account.email}?` });
    await dialog.getByLabel(/Reason/).fill("SSO step-up");
    await dialog.getByRole("button", { name: "Disable account" }).click();
  };
  await disable();
  const stepUp = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(stepUp).toContainText("Your identity provider will ask you to sign in again");
  await stepUp.getByRole("button", { name: "Continue with SSO" }).click();
  // The provider's own session is alive, yet it asks again: prompt=login reached it.
  await expect(providerForm).toBeVisible();
  await signInAtProvider();
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  // Back on the same page: the action's button once more.
  await disable();
  await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
  await context.close();
});
