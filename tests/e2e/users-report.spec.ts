import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simUsers, type SimUser } from "./support/sim-users";

// The users-and-groups report downloads from /users: the right columns and every user; roles as the matrix.

const CSV_COLUMNS = "id,email,user_status,created_at,last_sign_in_at,groups";

let users: SimUser[];

test.beforeEach(async () => {
  await resetSim();
  users = await simUsers();
});

async function download(page: Page, format: "csv" | "json") {
  const started = page.waitForEvent("download");
  await page.getByTestId(`download-report-${format}`).click();
  const file = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

/** Splits one CSV line, honouring quoted cells (the groups cell is always quoted). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let isQuoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const character = line[index];
    if (isQuoted && character === '"' && line[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (character === '"') isQuoted = !isQuoted;
    else if (character === "," && !isQuoted) {
      cells.push(cell);
      cell = "";
    } else cell += character;
  }
  return [...cells, cell];
}

test("an admin downloads the CSV: dated name, the report's columns, one row per user", async ({ page }) => {
  await loginAs(page, "admin", "/users");
  const { name, text } = await download(page, "csv");
  expect(name).toMatch(/^subdesk-users-groups-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...lines] = text.trimEnd().split("\n");
  expect(header).toBe(CSV_COLUMNS);
  const rows = lines.map(csvCells);
  expect(rows.map((row) => row[0])).toEqual(users.map((user) => user.id));
  for (const [index, user] of users.entries()) {
    const [, email, status, createdAt, lastSignIn, groups] = rows[index]!;
    expect({ email, status, createdAt, lastSignIn }).toEqual({
      email: user.email,
      status: user.user_status,
      createdAt: user.created_at,
      lastSignIn: user.last_sign_in_at ?? "",
    });
    expect(
      groups!
        .split(",")
        .map((group) => group.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual([...user.groups].sort());
  }
  await expect(page.getByTestId("report-status")).toContainText(`Saved ${name}`);
});

test("an admin downloads the JSON: every user with the API's fields and their groups", async ({ page }) => {
  await loginAs(page, "admin", "/users");
  const { name, text } = await download(page, "json");
  expect(name).toMatch(/^subdesk-users-groups-\d{4}-\d{2}-\d{2}\.json$/);
  const report = JSON.parse(text) as { data: Record<string, unknown>[] };
  expect(report.data).toHaveLength(users.length);
  for (const [index, user] of users.entries()) {
    const row = report.data[index]!;
    expect(Object.keys(row).sort()).toEqual(
      [
        "bypassesSso",
        "createdAt",
        "email",
        "groups",
        "id",
        "lastSignInAt",
        "recordType",
        "userStatus",
      ].sort(),
    );
    expect(row).toMatchObject({
      id: user.id,
      email: user.email,
      userStatus: user.user_status,
      recordType: user.record_type,
      lastSignInAt: user.last_sign_in_at,
      bypassesSso: user.organization_user_bypasses_sso,
    });
    expect((row.groups as { name: string }[]).map((group) => group.name).sort()).toEqual(
      [...user.groups].sort(),
    );
  }
});

test("support may export too", async ({ page }) => {
  await loginAs(page, "support", "/users");
  const { text } = await download(page, "csv");
  expect(text.split("\n")[0]).toBe(CSV_COLUMNS);
});

test("a viewer sees both exports disabled with the reason, and the server refuses", async ({ page }) => {
  await loginAs(page, "viewer", "/users");
  await expect(page.getByTestId("download-report-csv")).toBeDisabled();
  await expect(page.getByTestId("download-report-json")).toBeDisabled();
  await expect(page.locator('[data-disabled-reason="Needs the support role or higher."]')).toBeVisible();
  const answer = await page.request.get("/api/org-users/groups-report?format=csv");
  expect(answer.status()).toBe(403);
});
