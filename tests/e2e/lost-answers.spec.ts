import { expect, test } from "@playwright/test";
import { signIn } from "../support/api-client";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { select, simAccount, simAccounts } from "./support/sim-accounts";

// When Telnyx's answer to a change is lost, the console says what it found out instead of a bare error:
// a change that is there is shown as done (with how we know), one that may or may not have happened is
// said to be unknown, and a form whose create is unknown offers "Check again", which never makes a second
// account.

test.beforeEach(async () => {
  await resetSim();
});

test.afterEach(async () => {
  await clearFaults();
});

interface AuditRow {
  action: string;
  outcome: string;
  targetId: string | null;
  requestSummary: { businessName?: string } | null;
}

async function auditRows(query: string): Promise<AuditRow[]> {
  const admin = await signIn("admin");
  return (await admin.getJson<{ data: AuditRow[] }>(`/api/audit?${query}`)).data;
}

test("disable whose answers are all cut off: read back, shown as done and why, audited as a success", async ({
  page,
}) => {
  const account = select(await simAccounts(), { status: "enabled" })[0]!;
  await loginAs(page, "admin", `/accounts/${account.id}`);
  await injectFault({ operation: "DisableManagedAccount", kind: "truncate", times: 10 });

  await page.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill("lost answer e2e");
  await dialog.getByRole("button", { name: "Disable account" }).click();

  await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
  await expect(
    page.getByText("Telnyx did not confirm the change, so we checked: the account is disabled."),
  ).toBeVisible();
  await expect(page.getByTestId("last-toggle")).toContainText("Disabled by admin@subdesk.test");
  expect((await simAccount(account.id)).status).toBe("disabled");
  const rows = await auditRows(`target=${account.id}&action=account.disable`);
  expect(rows[0]).toMatchObject({ outcome: "success", targetId: account.id });
});

test("create whose answer is cut off: the account is found and its key shown once", async ({ page }) => {
  await loginAs(page, "admin", "/accounts/new");
  await injectFault({ operation: "CreateManagedAccount", kind: "truncate", times: 1 });
  const email = `lost-${Date.now()}@create.example.com`;
  const form = page.locator("form");
  await form.getByLabel(/Business name/).fill("Lost Answer Ltd");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByTestId("api-key-reveal")).toContainText("it will not be shown again");
  await expect(page.getByText(/Telnyx did not confirm the change, so we checked/)).toBeVisible();
  expect((await page.getByTestId("api-key").textContent())!.trim().length).toBeGreaterThan(10);
  expect((await simAccounts()).filter((account) => account.email === email)).toHaveLength(1);
});

test("create whose connection resets: unknown, and Check again makes no second account", async ({ page }) => {
  await loginAs(page, "admin", "/accounts/new");
  await injectFault({ operation: "CreateManagedAccount", kind: "reset", times: 50 });
  const name = `Reset Answer ${Date.now()}`;
  const form = page.locator("form");
  await form.getByLabel(/Business name/).fill(name);
  const creates: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/managed-accounts") {
      creates.push(request.headers()["idempotency-key"] ?? "");
    }
  });
  await form.getByRole("button", { name: "Create account" }).click();

  await expect(form.getByRole("alert")).toContainText("Telnyx did not confirm the change");
  await expect(form.getByRole("alert")).toContainText("the request may still go through");
  await form.getByRole("button", { name: "Check again" }).click();
  await expect(form.getByRole("alert")).toContainText("still checking");
  // Both submissions carried the same key: the second looked before it created.
  expect(creates).toHaveLength(2);
  expect(creates[1]).toBe(creates[0]);
  expect((await simAccounts()).filter((account) => account.organization_name === name)).toHaveLength(0);
  // The unknown row settles (the test server reads back quickly): neither submission made an account.
  await expect
    .poll(async () =>
      (await auditRows("action=account.create"))
        .filter((row) => row.requestSummary?.businessName === name)
        .map((row) => row.outcome)
        .sort(),
    )
    .toEqual(["failure", "failure"]);
  expect((await simAccounts()).filter((account) => account.organization_name === name)).toHaveLength(0);
});
