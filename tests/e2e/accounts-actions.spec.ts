import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/api-client";
import { injectFault, requestCounts, resetSim } from "../support/sim-control";
import { rowEmails } from "./support/accounts-page";
import { loginAs } from "./support/login";
import { select, simAccount, simAccounts, simPool, type SimAccount } from "./support/sim-accounts";

let account: SimAccount;

test.beforeEach(async ({ page }) => {
  await resetSim();
  // The newest enabled account: it is on the list's first page too.
  account = select(await simAccounts(), { status: "enabled" })[0]!;
  await loginAs(page, "admin", `/accounts/${account.id}`);
  await expect(page.getByTestId("account-title")).toHaveText(account.email);
});

const headerStatus = (page: Page) => page.getByTestId("account-header").getByTestId("account-status");

interface AuditRow {
  action: string;
  reason: string | null;
  actorEmail: string | null;
  outcome: string;
  targetId: string | null;
}

async function auditRowsFor(id: string): Promise<AuditRow[]> {
  const admin = await signIn("admin");
  const body = await admin.getJson<{ data: AuditRow[] }>(`/api/audit?target=${id}`);
  return body.data;
}

test("the detail page shows every field, the balance, status and what the console remembers", async ({
  page,
}) => {
  const fields = page.getByTestId("account-fields");
  await expect(fields).toContainText(account.id);
  await expect(fields).toContainText(account.organization_name);
  await expect(fields).toContainText("API user");
  await expect(fields).toContainText("Manager account id");
  await expect(fields).toContainText(
    account.rollup_billing ? "On (fixed at creation" : "Off (fixed at creation",
  );
  await expect(headerStatus(page)).toHaveText("enabled");
  await expect(page.getByTestId("balance-card")).toBeVisible();
  await expect(page.getByTestId("known-channel-limit")).toHaveText("Not known (Telnyx does not report it)");
  await expect(page.getByText("may take time to apply")).toBeVisible();

  const rollup = select(await simAccounts()).find((candidate) => candidate.rollup_billing)!;
  await page.goto(`/accounts/${rollup.id}`);
  await expect(page.getByTestId("rollup-note")).toContainText("manager account's balance");
});

test("disable with a reason: status changes in detail and list, and the audit row exists", async ({
  page,
}) => {
  await page.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Disable ${account.email}?`);
  await expect(dialog).toContainText(account.organization_name);
  await expect(dialog).toContainText("Calls already in progress are not cut");

  const before = await requestCounts();
  await dialog.getByRole("button", { name: "Disable account" }).click();
  await expect(dialog.getByText("Give a reason")).toBeVisible();
  expect((await requestCounts()).DisableManagedAccount ?? 0).toBe(before.DisableManagedAccount ?? 0);

  const reason = `e2e disable ${Date.now()}`;
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: "Disable account" }).click();
  await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(headerStatus(page)).toHaveText("disabled");
  await expect(page.getByTestId("last-toggle")).toContainText("Disabled by admin@subdesk.test");
  expect((await simAccount(account.id)).status).toBe("disabled");

  const rows = await auditRowsFor(account.id);
  const row = rows.find((candidate) => candidate.action === "account.disable" && candidate.reason === reason);
  expect(row).toMatchObject({ actorEmail: "admin@subdesk.test", outcome: "success", targetId: account.id });
  await expect(page.getByTestId("account-history")).toContainText(reason);

  // Back to the list without a reload: the row shows the new state.
  await page.getByRole("link", { name: "All accounts" }).click();
  const row1 = page.getByTestId("account-row").filter({ hasText: account.email });
  await expect(row1.getByTestId("account-status")).toHaveText("disabled");
});

test("enable with the re-enable-all-connections option and its caveat", async ({ page }) => {
  const admin = await signIn("admin");
  const disabled = await admin.post(`/api/managed-accounts/${account.id}/disable`, {
    reason: "set up for enable",
  });
  expect(disabled.status).toBe(200);
  await page.reload();
  await expect(headerStatus(page)).toHaveText("disabled");

  await page.getByRole("button", { name: "Enable" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Connections that fail Telnyx's validation stay disabled");
  await dialog.getByLabel(/re-enable all of the account's connections/).check();
  await dialog.getByLabel(/Reason/).fill("customer paid");
  await dialog.getByRole("button", { name: "Enable account" }).click();
  await expect(page.getByText(/is enabled; its connections were re-enabled/)).toBeVisible();
  await expect(headerStatus(page)).toHaveText("enabled");
  expect((await simAccount(account.id)).status).toBe("enabled");
  const rows = await auditRowsFor(account.id);
  expect(rows.some((row) => row.action === "account.enable" && row.reason === "customer paid")).toBe(true);
});

test("channel limit: headroom shown, 0 warns, over-allocation refused before any call, a valid limit is set", async ({
  page,
}) => {
  const pool = await simPool();
  const headroom = pool.allocatable - pool.allocated;
  await page.getByRole("button", { name: "Set channel limit" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("limit-headroom")).toContainText(
    `Pool headroom: ${headroom} of ${pool.allocatable}`,
  );

  const limit = dialog.getByLabel("Channel limit");
  await limit.fill("0");
  await expect(dialog.getByTestId("zero-limit-warning")).toContainText("0 stops all outbound calling");

  const before = (await requestCounts()).UpdateManagedAccountGlobalChannelLimit ?? 0;
  await limit.fill(String(headroom + 1));
  await expect(dialog.getByTestId("zero-limit-warning")).toHaveCount(0);
  await dialog.getByLabel(/Reason/).fill("more capacity");
  await dialog.getByRole("button", { name: "Set limit" }).click();
  await expect(dialog.getByText(/over-allocate the pool: at most/)).toBeVisible();
  expect((await requestCounts()).UpdateManagedAccountGlobalChannelLimit ?? 0).toBe(before);

  const wanted = Math.min(5, headroom);
  await limit.fill(String(wanted));
  // The refusal spoke about the old value: it goes as soon as the value changes.
  await expect(dialog.getByText(/over-allocate the pool/)).toHaveCount(0);
  await expect(limit).not.toHaveAttribute("aria-invalid", "true");
  await dialog.getByRole("button", { name: "Set limit" }).click();
  await expect(page.getByText(`Channel limit for ${account.email} set to ${wanted}.`)).toBeVisible();
  await expect(page.getByTestId("known-channel-limit")).toContainText(`${wanted} by admin@subdesk.test`);
  expect((await simAccount(account.id)).channel_limit).toBe(wanted);
});

test("custom pricing: the switch asks for a reason, Cancel and Escape change nothing, confirm sticks and is audited", async ({
  page,
}) => {
  const toggle = page.getByRole("switch", { name: "Allow custom pricing" });
  const initial = account.managed_account_allow_custom_pricing;
  const title = initial
    ? `Turn off custom pricing for ${account.email}?`
    : `Allow custom pricing for ${account.email}?`;
  const confirm = initial ? "Turn off custom pricing" : "Allow custom pricing";
  const dialog = page.getByRole("dialog");
  const updates = async () => (await requestCounts()).UpdateManagedAccount ?? 0;
  const before = await updates();
  await expect(toggle).toHaveAttribute("aria-checked", String(initial));

  // Cancel: the switch stays as it was and nothing is sent.
  await toggle.click();
  await expect(dialog).toContainText(title);
  await expect(dialog).toContainText("may take time to apply");
  await expect(dialog).toContainText("Telnyx sets the actual prices");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-checked", String(initial));

  // Keyboard: Space on the focused switch opens the dialog, Escape closes it, focus comes back.
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(dialog).toContainText(title);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute("aria-checked", String(initial));

  // A reason is required before anything is sent.
  await page.keyboard.press("Space");
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog.getByText("Give a reason")).toBeVisible();
  expect(await updates()).toBe(before);
  expect((await simAccount(account.id)).managed_account_allow_custom_pricing).toBe(initial);

  // Optimistic: while Telnyx is slow to answer, the switch (behind the dialog) already shows the change.
  await injectFault({ operation: "UpdateManagedAccount", kind: "latency", ms: 1500, times: 1 });
  const reason = `e2e pricing ${Date.now()}`;
  await dialog.getByLabel(/Reason/).fill(reason);
  await dialog.getByRole("button", { name: confirm }).click();
  await expect(dialog.getByRole("button", { name: "Saving…" })).toBeVisible();
  await expect(page.locator("#custom-pricing")).toHaveAttribute("aria-checked", String(!initial));
  await expect(page.getByText(/It may take time to apply/)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-checked", String(!initial));
  expect((await simAccount(account.id)).managed_account_allow_custom_pricing).toBe(!initial);

  const rows = await auditRowsFor(account.id);
  const row = rows.find(
    (candidate) => candidate.action === "account.pricing.update" && candidate.reason === reason,
  );
  expect(row).toMatchObject({ actorEmail: "admin@subdesk.test", outcome: "success", targetId: account.id });
  await expect(page.getByTestId("account-history")).toContainText(reason);

  await page.reload();
  await expect(toggle).toHaveAttribute("aria-checked", String(!initial));
  await page.goto("/accounts");
  const listRow = page.getByTestId("account-row").filter({ hasText: account.email });
  await expect(listRow).toContainText(!initial ? "Allowed" : "Off");
  await expect(rowEmails(page).first()).toBeVisible();
});

test("custom pricing: a refusal from Telnyx flips the switch back and says why", async ({ page }) => {
  const toggle = page.getByRole("switch", { name: "Allow custom pricing" });
  const initial = account.managed_account_allow_custom_pricing;
  await injectFault({ operation: "UpdateManagedAccount", kind: "server_error", status: 500, times: 10 });
  await toggle.click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill("rollback check");
  // The refetch after the failure is held back, so the switch can only be right if it was rolled back.
  await injectFault({ operation: "RetrieveManagedAccount", kind: "latency", ms: 4000, times: 1 });
  await dialog
    .getByRole("button", { name: initial ? "Turn off custom pricing" : "Allow custom pricing" })
    .click();
  await expect(dialog.getByRole("alert")).toContainText("Custom pricing was not changed");
  await expect(page.locator("#custom-pricing")).toHaveAttribute("aria-checked", String(initial), {
    timeout: 1500,
  });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(toggle).toHaveAttribute("aria-checked", String(initial));
  expect((await simAccount(account.id)).managed_account_allow_custom_pricing).toBe(initial);
});

test("an unknown account id shows only the not-found panel (nothing retrying) with a way back", async ({
  page,
}) => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  await page.goto(`/accounts/${unknown}`);
  await expect(page.getByTestId("account-not-found")).toContainText(
    "There is no managed account with this id",
  );
  // Give a wrongly started retry time to show itself.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId("upstream-notice")).toHaveCount(0);
  await expect(page.getByText(/retrying/i)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to all accounts" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
});

test("copy buttons beside the ids and the email copy the value and announce it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const fields = page.getByTestId("account-fields");
  for (const [label, value] of [
    ["account id", account.id],
    ["email", account.email],
  ] as const) {
    const button = fields.getByRole("button", { name: `Copy ${label}` });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button.locator("..").getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(value);
  }
});

test("All accounts goes back to the list as it was left: tab, filter, sort and page size", async ({
  page,
}) => {
  const listUrl = "/accounts?status=enabled&sort=email&pageSize=10";
  await page.goto(listUrl);
  const link = page.getByRole("link", { name: account.email, exact: true });
  await page
    .getByRole("search", { name: "Filter accounts" })
    .getByRole("searchbox", { name: "Email" })
    .fill(account.email.split("@")[0]!);
  await expect(link).toBeVisible();
  const leftAt = new URL(page.url());
  expect(leftAt.searchParams.get("sort")).toBe("email");
  // The row's link is a plain anchor the table turns into an in-app navigation: no new document loads.
  await page.evaluate(() => Reflect.set(window, "__listDocument", true));
  await link.click();
  await expect(page.getByTestId("account-title")).toHaveText(account.email);
  expect(await page.evaluate(() => Reflect.get(window, "__listDocument"))).toBe(true);
  // The address stays the account's own: nothing to tamper with.
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await page.getByRole("link", { name: "All accounts" }).click();
  await expect(page).toHaveURL(`${leftAt.pathname}${leftAt.search}`);

  // Opened in a new tab (no list behind it in that tab's history): the plain list.
  const fresh = await page.context().newPage();
  await fresh.goto(`/accounts/${account.id}`);
  await expect(fresh.getByTestId("account-title")).toHaveText(account.email);
  await expect(fresh.getByRole("link", { name: "All accounts" })).toHaveAttribute("href", "/accounts");
  await fresh.close();
});
