import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoPassword } from "../support/env";
import { startEmbeddedServer, type EmbeddedServer } from "../support/embedded-server";
import { stopOwnServer, type OwnServer } from "../support/own-server";
import { loginWith } from "./support/staff-login";

// Step-up and two-person approval in the browser, on a console of this spec's own with the default policy,
// the strict 10-minute step-up window and a 15-minute approval TTL; the test clock (a header every request
// of a browser context carries) moves a person past those limits.

test.describe.configure({ mode: "serial" });

const CLOCK = "x-test-clock-offset-ms";
let server: OwnServer;
let simState: EmbeddedServer["simState"];

interface SimUser {
  id: string;
  email: string;
  record_type: string;
}
const subUsers = async () =>
  (await simState<SimUser>("users")).filter((user) => user.record_type !== "organization_owner");
const simAccounts = () => simState<{ id: string; email: string; status: string }>("accounts");

test.beforeAll(async () => {
  ({ server, simState } = await startEmbeddedServer("e2e-approvals", 33, {
    SUBDESK_APPROVAL_POLICY: "default",
    SUBDESK_APPROVAL_TTL_SECONDS: "900",
    SUBDESK_TEST_CLOCK: "1",
  }));
});
test.afterAll(() => stopOwnServer(server));

/** A signed-in page on this spec's server, its clock `minutesAhead` in the future. */
async function signedIn(browser: Browser, role: "admin" | "support", next: string, minutesAhead = 0) {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    extraHTTPHeaders: minutesAhead ? { [CLOCK]: String(minutesAhead * 60_000) } : {},
  });
  const page = await context.newPage();
  // By email: support becomes an admin half way through (break-glass).
  await loginWith(page, `${role}@subdesk.test`, demoPassword(), next);
  return page;
}

async function stepUp(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password").fill(demoPassword());
  await dialog.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(dialog).toBeHidden();
}

test("step-up: a disable 11 minutes after sign-in asks for the password in place, then completes", async ({
  browser,
}) => {
  const account = (await simAccounts()).find((row) => row.status === "enabled")!;
  const page = await signedIn(browser, "admin", `/accounts/${account.id}`, 11);
  await page.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${account.email}?` });
  await dialog.getByLabel(/Reason/).fill("step-up in the browser");
  await dialog.getByRole("button", { name: "Disable account" }).click();
  const stepUpDialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(stepUpDialog).toBeVisible();
  expect((await simAccounts()).find((row) => row.id === account.id)!.status).toBe("enabled");
  // A wrong password is refused in the dialog; the right one lets the disable carry on by itself.
  await stepUpDialog.getByLabel("Password").fill("not the password");
  await stepUpDialog.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(stepUpDialog.getByText("The password or code is not right.")).toBeVisible();
  await stepUp(page);
  await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
  expect((await simAccounts()).find((row) => row.id === account.id)!.status).toBe("disabled");
  await page.context().close();
});

test("break-glass: the lone admin makes support an admin, flagged on the overview and in the audit trail", async ({
  browser,
}) => {
  const page = await signedIn(browser, "admin", "/staff");
  const row = page.locator('[data-testid="staff-row"][data-email="support@subdesk.test"]');
  await row.getByLabel("Role of support@subdesk.test").selectOption("admin");
  const confirm = page.getByRole("dialog", { name: "Change the role of support@subdesk.test?" });
  await confirm.getByRole("button", { name: "Make admin" }).click();
  // Held for a second person: a notice, not an error.
  await expect(confirm.getByRole("status").filter({ hasText: /Sent for approval/ })).toBeVisible();
  await expect(confirm.getByRole("alert")).toHaveCount(0);
  await confirm.getByRole("button", { name: "Cancel" }).click();

  await page.goto("/approvals");
  await expect(page.getByTestId("pending-approvals-count")).toHaveText("1");
  await page.getByRole("button", { name: /Review \(break-glass possible\)/ }).click();
  const dialog = page.getByRole("dialog", { name: /Make a staff member an admin/ });
  await expect(dialog).toContainText("Nobody else holds the permission");
  await expect(dialog.getByRole("button", { name: "Approve and run" })).toHaveCount(0);
  await dialog.getByLabel(/Reason/).fill("Second admin for the approval rota");
  await dialog.getByRole("button", { name: "Break glass and run" }).click();
  await expect(page.getByText(/Break-glass: the request ran/)).toBeVisible();

  await page.goto("/");
  await expect(page.getByTestId("break-glass-notice")).toContainText("support@subdesk.test");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await seriousFindings(page, "[data-testid=break-glass-notice]")).toEqual([]);
  await page.screenshot({ path: test.info().outputPath("break-glass-notice-390-dark.png") });
  await page.goto("/audit");
  await expect(page.getByTestId("audit-break-glass").first()).toBeVisible();
  await page.context().close();
});

test("an approval asked by one admin is refused to them, approved by another, and runs once", async ({
  browser,
}) => {
  const user = (await subUsers())[0]!;
  const admin = await signedIn(browser, "admin", `/users/${user.id}`);
  await admin.getByRole("button", { name: `Remove ${user.email}` }).click();
  const remove = admin.getByRole("dialog", { name: "Remove this user?" });
  await remove.getByLabel(/Reason/).fill("Left the company");
  await remove.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
  await remove.getByRole("button", { name: "Remove user" }).click();
  await expect(remove.getByRole("status").filter({ hasText: /Sent for approval/ })).toBeVisible();
  await expect(remove.getByRole("alert")).toHaveCount(0);
  expect((await subUsers()).map((row) => row.id)).toContain(user.id);

  // The requester sees it waiting, with no way to approve it; the server refuses them too.
  await admin.goto("/approvals");
  const mine = admin.getByTestId("approval-row").filter({ hasText: user.email });
  const approvalId = await mine.getAttribute("data-approval-id");
  await mine.getByRole("button", { name: /Details/ }).click();
  const own = admin.getByRole("dialog", { name: /Remove an organization user/ });
  await expect(own).toContainText("another staff member must approve it");
  await expect(own.getByRole("button", { name: "Approve and run" })).toHaveCount(0);
  const refused = await admin.request.post(`/api/approvals/${approvalId}/approve`, {
    data: { reason: "approving my own" },
    headers: { Origin: server.baseUrl },
  });
  expect(refused.status()).toBe(403);

  // Support is an admin since the break-glass above: they approve, and the user is removed once.
  const support = await signedIn(browser, "support", "/approvals");
  await expect(support.getByTestId("pending-approvals-count")).toHaveText("1");
  await support.getByRole("button", { name: new RegExp(`Review and decide: .*${user.email}`) }).click();
  const decide = support.getByRole("dialog", { name: /Remove an organization user/ });
  await decide.getByLabel(/Reason/).fill("Checked with HR");
  await decide.getByRole("button", { name: "Approve and run" }).click();
  await expect(support.getByText("Approved: the request ran.")).toBeVisible();
  expect((await subUsers()).map((row) => row.id)).not.toContain(user.id);
  await support.getByLabel("Show").selectOption("executed");
  await expect(support.getByTestId("approval-row").filter({ hasText: user.email })).toContainText(
    "Approved and done",
  );
  const replay = await support.request.post(`/api/approvals/${approvalId}/approve`, {
    data: { reason: "Checked with HR" },
    headers: { Origin: server.baseUrl },
  });
  expect(replay.status()).toBe(409);
  await admin.context().close();
  await support.context().close();
});

test("an expired approval is shown expired and refused", async ({ browser }) => {
  const user = (await subUsers())[0]!;
  const admin = await signedIn(browser, "admin", `/users/${user.id}`);
  const asked = await admin.request.post(`/api/org-users/${user.id}/remove`, {
    data: { reason: "expiring request", confirmEmail: user.email },
    headers: { Origin: server.baseUrl },
  });
  expect(asked.status()).toBe(202);
  const { id } = ((await asked.json()) as { data: { approval: { id: string } } }).data.approval;
  // 16 minutes on: past this server's 15-minute TTL.
  const support = await signedIn(browser, "support", "/approvals?status=expired", 16);
  const row = support.locator(`[data-approval-id="${id}"]`);
  await expect(row).toContainText("Expired");
  await expect(row.getByRole("button", { name: /Review and decide/ })).toHaveCount(0);
  const refused = await support.request.post(`/api/approvals/${id}/approve`, {
    data: { reason: "too late now" },
    headers: { Origin: server.baseUrl, [CLOCK]: String(16 * 60_000) },
  });
  // The step-up is stale at +16 minutes too: confirmed first, as the dialog would.
  if (refused.status() === 401) {
    const stepped = await support.request.post("/api/auth/step-up", {
      data: { password: demoPassword() },
      headers: { Origin: server.baseUrl },
    });
    expect(stepped.status()).toBe(200);
  }
  const again = await support.request.post(`/api/approvals/${id}/approve`, {
    data: { reason: "too late now" },
    headers: { Origin: server.baseUrl },
  });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/expired/);
  expect((await subUsers()).map((row) => row.id)).toContain(user.id);
  await admin.context().close();
  await support.context().close();
});

test("the approvals page and the step-up dialog at 390 px dark and 1366 px light, with axe", async ({
  browser,
}) => {
  for (const [width, height, colorScheme] of [
    [390, 844, "dark"],
    [1366, 850, "light"],
  ] as const) {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width, height },
      colorScheme,
      extraHTTPHeaders: { [CLOCK]: String(11 * 60_000) },
    });
    const page = await context.newPage();
    await loginWith(page, "admin@subdesk.test", demoPassword(), "/approvals?status=all");
    await expect(page.getByTestId("approval-row").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({
      path: test.info().outputPath(`approvals-${width}-${colorScheme}.png`),
      fullPage: true,
    });
    await page.getByTestId("approval-row").first().getByRole("button").click();
    await expect(page.getByRole("dialog")).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`approval-dialog-${width}-${colorScheme}.png`) });
    await page.keyboard.press("Escape");

    // The step-up dialog, opened by an action 11 minutes after this sign-in, answered by keyboard alone.
    const account = (await simAccounts()).find((row) => row.status === "enabled")!;
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole("button", { name: "Disable" }).click();
    const disable = page.getByRole("dialog", { name: `Disable ${account.email}?` });
    await disable.getByLabel(/Reason/).fill("layout check");
    await disable.getByRole("button", { name: "Disable account" }).click();
    const stepUpDialog = page.getByRole("dialog", { name: "Confirm it is you" });
    await expect(stepUpDialog.getByLabel("Password")).toBeFocused();
    expect(await seriousFindings(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`step-up-${width}-${colorScheme}.png`) });
    await page.keyboard.type(demoPassword());
    await page.keyboard.press("Enter");
    await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
    await context.close();
  }
});

async function seriousFindings(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]);
  if (include) builder.include(include);
  const result = await builder.analyze();
  return result.violations
    .filter((item) => item.impact === "serious" || item.impact === "critical")
    .map((item) => `${item.id}: ${item.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}
