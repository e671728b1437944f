import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { injectFault, resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { select, simAccounts } from "./support/sim-accounts";

// "Export N accounts" on the accounts list: the whole view downloads (every page, not just the one on
// screen) with its row count, in CSV or JSON; a slow export shows its progress and can be cancelled.

test.beforeEach(async () => {
  await resetSim();
});

async function exportView(page: Page) {
  const started = page.waitForEvent("download");
  await page.getByTestId("export-accounts").click();
  const file = await started;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), "utf8") };
}

test("a viewer exports every account of the list as CSV, in the list's order", async ({ page }) => {
  const expected = select(await simAccounts());
  await loginAs(page, "viewer", "/accounts");
  await expect(page.getByTestId("export-accounts")).toHaveText(`Export ${expected.length} accounts`);
  const { name, text } = await exportView(page);
  expect(name).toMatch(/^subdesk-accounts-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = parseCsv(text);
  expect(header?.slice(0, 4)).toEqual(["id", "email", "organizationName", "status"]);
  expect(rows.map((row) => row[0])).toEqual(expected.map((account) => account.id));
  await expect(page.getByTestId("export-status")).toContainText(`Saved ${name}: ${expected.length} accounts`);
});

test("the disabled tab exports only its accounts, as JSON", async ({ page }) => {
  const expected = select(await simAccounts(), { status: "disabled" });
  await loginAs(page, "admin", "/accounts?status=disabled");
  await expect(page.getByTestId("export-accounts")).toHaveText(`Export ${expected.length} accounts`);
  await page.getByTestId("export-format").selectOption("json");
  const { name, text } = await exportView(page);
  expect(name).toMatch(/\.json$/);
  const body = JSON.parse(text) as { data: { id: string; status: string }[] };
  expect(body.data.map((row) => row.id)).toEqual(expected.map((account) => account.id));
  expect(new Set(body.data.map((row) => row.status))).toEqual(new Set(["disabled"]));
  await expect(page.getByTestId("export-status")).toContainText(`${expected.length} accounts`);
});

test("a slow export shows the rows received and Cancel stops it without a file", async ({ page }) => {
  const total = select(await simAccounts(), { status: "enabled" }).length;
  await loginAs(page, "support", "/accounts?status=enabled");
  await expect(page.getByTestId("export-accounts")).toHaveText(`Export ${total} accounts`);
  // A fixed status needs no status lookups: the export's first request is page 1, then page 2 hangs.
  await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 0, times: 1 });
  await injectFault({ operation: "ListManagedAccounts", kind: "latency", ms: 5_000, times: 3 });
  let downloads = 0;
  page.on("download", () => (downloads += 1));
  await page.getByTestId("export-accounts").click();
  await expect(page.getByTestId("export-status")).toContainText(`250 of ${total} rows`);
  await page.getByTestId("export-cancel").click();
  await expect(page.getByTestId("export-status")).toHaveText("Export cancelled.");
  await expect(page.getByTestId("export-accounts")).toBeEnabled();
  expect(downloads).toBe(0);
});
