import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { auditEvents, createPerson, type NewPerson } from "../support/staff";
import { loginAs } from "./support/login";

// The Audit page against rows this file makes (two people created, one re-roled), so what the table,
// the detail view and the CSV must show is known from the API.

test.describe.configure({ timeout: 60_000 });

let admin: ApiClient;
let first: NewPerson;
let second: NewPerson;

test.beforeAll(async () => {
  admin = await signIn("admin");
  first = await createPerson(admin, "viewer", "e2e-audit");
  second = await createPerson(admin, "viewer", "e2e-audit");
  await admin.patch(`/api/staff/${first.id}`, { role: "support" });
});

const actions = (page: Page) => page.getByTestId("audit-table").getByTestId("audit-action");

test("the first page arrives filled in the server's HTML", async ({ page }) => {
  await loginAs(page, "admin", "/");
  const html = await (await page.request.get(`/audit?target=${first.id}`)).text();
  expect(html).toContain("staff.role.update");
  expect(html).toContain(first.email);
});

test("filters live in the URL, and back/forward step through them", async ({ page }) => {
  await loginAs(page, "admin", "/audit");
  await expect(page.getByTestId("audit-table")).toBeVisible();

  await page.getByLabel("Action", { exact: true }).selectOption("staff.create");
  await expect(page).toHaveURL(/[?&]action=staff\.create/);
  await expect(actions(page).first()).toHaveText("staff.create");
  const listed = await auditEvents(admin, { action: "staff.create", pageSize: "50" });
  await expect(actions(page)).toHaveCount(listed.length);

  await page.getByLabel("Target").fill(first.email);
  await expect.poll(() => new URL(page.url()).searchParams.get("target")).toBe(first.email);
  await expect(actions(page)).toHaveText(["staff.create"]);

  await page.getByLabel("Actor").fill("nobody-by-this-name");
  await expect(page.getByText("No events match these filters")).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/actor=/);
  await expect(page.getByLabel("Actor")).toHaveValue("");
  await expect(actions(page)).toHaveText(["staff.create"]);
  await page.goBack();
  await expect(page).not.toHaveURL(/target=/);
  await expect(actions(page)).toHaveCount(listed.length);
  await page.goBack();
  await expect(page).not.toHaveURL(/action=/);
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("");
  await page.goForward();
  await expect(page).toHaveURL(/action=staff\.create/);
  await expect(page.getByLabel("Action", { exact: true })).toHaveValue("staff.create");
});

test("a typed action family, a time range in UTC and the outcome filter", async ({ page }) => {
  const rows = await auditEvents(admin, { target: first.id });
  const roleRow = rows.find((row) => row.action === "staff.role.update")!;
  const minuteBefore = new Date(Date.parse(roleRow.occurredAt) - 60_000).toISOString().slice(0, 16);
  await loginAs(page, "admin", `/audit?target=${first.id}`);
  await page.getByLabel("Or type an action").fill("staff.*");
  await expect(page).toHaveURL(/action=staff\.\*/);
  await expect(actions(page)).toHaveText(rows.map((row) => row.action));

  await page.getByLabel("From (UTC)").fill(minuteBefore);
  await expect(page).toHaveURL(new RegExp(`from=${minuteBefore.replace(":", "(:|%3A)")}`));
  await expect(actions(page)).toContainText(["staff.role.update"]);

  await page.getByLabel("Outcome").selectOption("failure");
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Show every event" }).click();
  await expect(page).not.toHaveURL(/outcome=|from=|target=/);
});

test("pages move through the set and sit in the URL", async ({ page }) => {
  // More than one page of 25: top the file's own rows up (reruns on one server reuse them).
  const filter = { action: "staff.create", target: "e2e-page" };
  const existing = (await auditEvents(admin, filter)).length;
  for (let count = existing; count < 27; count += 1) await createPerson(admin, "viewer", "e2e-page");
  const all = await auditEvents(admin, { ...filter, pageSize: "250" });
  const labels = all.map((row) => row.target.label!);

  await loginAs(page, "admin", `/audit?action=staff.create&target=e2e-page&pageSize=25`);
  const targets = page.getByTestId("audit-row").locator("td:nth-child(4)");
  await expect(page.getByTestId("audit-range")).toHaveText(`1–25 of ${all.length} events · page 1 of 2`);
  await expect(targets.first()).toContainText(labels[0]!);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("audit-range")).toHaveText(
    `26–${all.length} of ${all.length} events · page 2 of 2`,
  );
  await expect(targets).toHaveCount(all.length - 25);
  await expect(targets.first()).toContainText(labels[25]!);
  await page.goBack();
  await expect(page.getByTestId("audit-range")).toHaveText(`1–25 of ${all.length} events · page 1 of 2`);
  await page.getByLabel("Rows per page").selectOption("100");
  await expect(page).toHaveURL(/pageSize=100/);
  await expect(targets).toHaveCount(all.length);
});

test("a row opens a detail view with every field, linked from the URL", async ({ page }) => {
  const [row] = (await auditEvents(admin, { action: "staff.role.update", target: first.id })) as [
    AuditEventDto,
  ];
  await loginAs(page, "admin", `/audit?target=${first.id}`);
  // Keyboard first: a focused row opens with Enter, and Escape closes it.
  // (Retried: the server's HTML is on screen before React has hydrated it and attached the handlers.)
  await expect(async () => {
    await page.getByTestId("audit-row").first().focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByTestId("audit-row").filter({ hasText: "staff.role.update" }).click();
  const dialog = page.getByRole("dialog", { name: "Audit event: staff.role.update" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`event=${row.id}`));
  for (const text of [
    row.requestId,
    row.id,
    first.id,
    first.email,
    staffEmail("admin"),
    row.clientIp ?? "",
  ]) {
    await expect(dialog).toContainText(text);
  }
  const summary = JSON.parse((await dialog.getByTestId("audit-request-summary").textContent()) ?? "");
  expect(summary).toEqual({ role: "support", previousRole: "viewer" });

  await page.reload();
  await expect(page.getByRole("dialog", { name: "Audit event: staff.role.update" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).not.toHaveURL(/event=/);
});

test("Export CSV downloads the filtered set", async ({ page }) => {
  await loginAs(page, "admin", `/audit?action=staff.create&target=e2e-audit`);
  const expected = await auditEvents(admin, { action: "staff.create", target: "e2e-audit" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("audit-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^subdesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^occurred_at,completed_at,actor_id,actor_email,actor_role,action,/);
  expect(lines).toHaveLength(expected.length + 1);
  for (const person of [first, second]) expect(text).toContain(person.email);
  expect(lines.slice(1).every((line) => line.includes(",staff.create,"))).toBe(true);

  const [exportRow] = await auditEvents(admin, { action: "report.export", target: "Audit trail" });
  expect(exportRow!.requestSummary).toMatchObject({
    filters: { action: "staff.create", target: "e2e-audit" },
  });
});

test("a viewer reads the audit trail too", async ({ page }) => {
  await loginAs(page, "viewer", `/audit?target=${second.id}`);
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expect(page.getByTestId("audit-export")).toBeVisible();
});
