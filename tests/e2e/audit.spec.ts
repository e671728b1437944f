import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { signIn, type ApiClient } from "../support/api-client";
import { staffEmail } from "../support/env";
import { auditEvents, createPerson, type NewPerson } from "../support/staff";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";

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

// Rows show words; each row keeps its action code in data-action for the tests.
const rows = (page: Page) => page.getByTestId("audit-table").getByTestId("audit-row");
const actionCodes = (page: Page) =>
  rows(page).evaluateAll((found) => found.map((row) => row.getAttribute("data-action")));

test("the first page arrives filled in the server's HTML", async ({ page }) => {
  await loginAs(page, "admin", "/");
  const html = await (await page.request.get(`/audit?target=${first.id}`)).text();
  expect(html).toContain("Role viewer → support");
  expect(html).toContain(first.email);
});

test("filters live in the URL, and back/forward step through them", async ({ page }) => {
  await loginAs(page, "admin", "/audit");
  await expect(page.getByTestId("audit-table")).toBeVisible();

  // One action control: a combobox offering the known actions and families, which also takes typing.
  const action = page.getByRole("combobox", { name: "Action" });
  await action.fill("staff.create");
  await expect(page).toHaveURL(/[?&]action=staff\.create/);
  const listed = await auditEvents(admin, { action: "staff.create", pageSize: "50" });
  await expect(rows(page)).toHaveCount(listed.length);
  await expect.poll(() => actionCodes(page)).toEqual(listed.map(() => "staff.create"));
  await expect(rows(page).first().getByTestId("audit-summary")).toHaveText(/^Added staff member .+ as /);

  await page.getByLabel("Target").fill(first.email);
  await expect.poll(() => new URL(page.url()).searchParams.get("target")).toBe(first.email);
  await expect.poll(() => actionCodes(page)).toEqual(["staff.create"]);

  await page.getByLabel("Actor").fill("nobody-by-this-name");
  await expect(page.getByText("No events match these filters")).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/actor=/);
  await expect(page.getByLabel("Actor")).toHaveValue("");
  await expect.poll(() => actionCodes(page)).toEqual(["staff.create"]);
  await page.goBack();
  await expect(page).not.toHaveURL(/target=/);
  await expect(rows(page)).toHaveCount(listed.length);
  await page.goBack();
  await expect(page).not.toHaveURL(/action=/);
  await expect(action).toHaveValue("");
  await page.goForward();
  await expect(page).toHaveURL(/action=staff\.create/);
  await expect(action).toHaveValue("staff.create");
});

test("a typed action family, a time range in UTC and the outcome filter", async ({ page }) => {
  const targetRows = await auditEvents(admin, { target: first.id });
  const roleRow = targetRows.find((row) => row.action === "staff.role.update")!;
  const minuteBefore = new Date(Date.parse(roleRow.occurredAt) - 60_000).toISOString().slice(0, 16);
  await loginAs(page, "admin", `/audit?target=${first.id}`);
  await page.getByRole("combobox", { name: "Action" }).fill("staff.*");
  await expect(page).toHaveURL(/action=staff\.\*/);
  await expect.poll(() => actionCodes(page)).toEqual(targetRows.map((row) => row.action));

  await page.getByLabel("From (UTC)").fill(minuteBefore);
  await expect(page).toHaveURL(new RegExp(`from=${minuteBefore.replace(":", "(:|%3A)")}`));
  await expect.poll(() => actionCodes(page)).toContain("staff.role.update");

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
  const targets = page.getByTestId("audit-target");
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

  await page.locator('[data-testid="audit-row"][data-action="staff.role.update"]').click();
  // The title says what happened in words; the code stays inside, among the fields.
  const dialog = page.getByRole("dialog", { name: "Role viewer → support" });
  await expect(dialog).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`event=${row.id}`));
  for (const text of [
    row.requestId,
    row.id,
    first.id,
    first.email,
    staffEmail("admin"),
    row.clientIp ?? "",
    "staff.role.update",
  ]) {
    await expect(dialog).toContainText(text);
  }
  const summary = JSON.parse((await dialog.getByTestId("audit-request-summary").textContent()) ?? "");
  expect(summary).toEqual({ role: "support", previousRole: "viewer" });

  await page.reload();
  await expect(page.getByRole("dialog", { name: "Role viewer → support" })).toBeVisible();
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

test("a channel-limit change reads as old → new with the account's email, in the trail and the history", async ({
  page,
}) => {
  const account = (await simAccounts()).find((candidate) => candidate.status === "enabled")!;
  // Long enough that a one-line reason column would cut it.
  const reason =
    "e2e audit words: lowered while the customer's trunk is being moved, ticket 4711, agreed with ops";
  for (const channelLimit of [2, 1]) {
    const answer = await admin.put(`/api/managed-accounts/${account.id}/channel-limit`, {
      channelLimit,
      reason,
    });
    expect(answer.status, await answer.text()).toBe(200);
  }
  await page.setViewportSize({ width: 1366, height: 850 });
  await loginAs(page, "admin", `/audit?action=account.channel_limit.update&target=${account.id}`);
  const newest = rows(page).first();
  // At 1366 px nothing is cut: no cell hides text and the table is no wider than the page leaves it.
  await expect(newest).toBeVisible();
  const cut = await page.getByTestId("audit-table").evaluate((table) => ({
    table: table.scrollWidth - (table.parentElement?.clientWidth ?? 0),
    cells: [...table.querySelectorAll("td")].filter((cell) => cell.scrollWidth > cell.clientWidth).length,
    page: document.documentElement.scrollWidth - window.innerWidth,
  }));
  expect(cut).toEqual({ table: expect.any(Number), cells: 0, page: 0 });
  expect(cut.table).toBeLessThanOrEqual(0);
  await expect(newest.getByTestId("audit-summary")).toHaveText("Channel limit 2 → 1");
  await expect(newest.getByTestId("audit-target")).toContainText(account.email);
  await expect(newest.getByTestId("audit-reason")).toHaveText(`“${reason}”`);
  await expect(page.getByTestId("audit-table")).not.toContainText("account.channel_limit.update");

  // Custom pricing names the value it replaced too (read from Telnyx just before the change).
  const wasOn = account.managed_account_allow_custom_pricing;
  const pricing = await admin.patch(`/api/managed-accounts/${account.id}`, {
    allowCustomPricing: !wasOn,
    reason,
  });
  expect(pricing.status, await pricing.text()).toBe(200);
  await page.goto(`/audit?action=account.pricing.update&target=${account.id}`);
  await expect(rows(page).first().getByTestId("audit-summary")).toHaveText(
    `Custom pricing ${wasOn ? "on → off" : "off → on"}`,
  );
  await admin.patch(`/api/managed-accounts/${account.id}`, { allowCustomPricing: wasOn, reason });

  await page.goto(`/accounts/${account.id}`);
  const history = page.getByTestId("history-entry").first();
  await expect(history).toContainText("Custom pricing");
  await expect(page.getByTestId("history-list")).toContainText("Channel limit 2 → 1");
  await expect(history.locator("time")).toHaveAttribute("title", /\(\d{4}-\d{2}-\d{2}T[\d:.]+Z\)$/);
});

test("at 390 px in the dark the trail fits the screen, and its detail dialog fits and scrolls", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() => localStorage.setItem("subdesk-theme", "dark"));
  await loginAs(page, "admin", "/audit");
  await expect(rows(page).first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await rows(page).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("audit-event-fields")).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.y + box.height).toBeLessThanOrEqual(844);
  // Everything recorded is reachable: the dialog scrolls inside itself down to the last field.
  expect(await dialog.evaluate((element) => getComputedStyle(element).overflowY)).toMatch(/auto|scroll/);
  await dialog.getByText("Event id").scrollIntoViewIfNeeded();
  await expect(dialog.getByText("Event id")).toBeInViewport();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test.describe("a viewer in Berlin", () => {
  test.use({ timezoneId: "Europe/Berlin", locale: "en-GB" });

  test("reads times in their own zone, the exact UTC instant on hover, with no hydration error", async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    const [row] = await auditEvents(admin, { action: "staff.role.update", target: first.id });
    await loginAs(page, "admin", `/audit?target=${first.id}&action=staff.role.update`);
    await page.reload();
    const time = rows(page).first().locator("time");
    // The server rendered UTC; once hydrated the browser shows the viewer's zone (CET or CEST), named.
    await expect(time).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} (CET|CEST)$/);
    await expect(time).toHaveAttribute(
      "title",
      new RegExp(`\\(${row!.occurredAt.replace(/[.]/g, "\\.")}\\)$`),
    );
    await expect(time).toHaveAttribute("datetime", row!.occurredAt);
    expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([]);
  });
});
