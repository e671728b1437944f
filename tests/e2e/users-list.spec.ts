import { expect, test, type Page } from "@playwright/test";
import { clearFaults, injectFault, resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { expectedReviewKinds, simUsers, type SimUser } from "./support/sim-users";

// The /users list against the simulator's data: server-rendered first page, paging, filters, URL state.

const table = (page: Page) => page.getByTestId("users-table");

/** Retries until the table shows exactly these users in this order (the previous page may linger). */
async function expectRows(page: Page, users: SimUser[]) {
  await expect(table(page).locator("tbody tr td:first-child")).toHaveText(users.map((user) => user.email));
}

/** What each row shows, read in one pass. */
function readRows(page: Page) {
  return table(page)
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => {
        const cells = [...row.querySelectorAll("td")];
        return {
          id: row.getAttribute("data-user-id"),
          role: cells[1]?.textContent?.trim(),
          status: cells[2]?.textContent?.trim(),
          groups: [...(cells[3]?.querySelectorAll("li") ?? [])]
            .map((item) => item.textContent?.trim())
            .sort(),
          signIn: cells[4]?.querySelector("time")?.getAttribute("datetime") ?? cells[4]?.textContent?.trim(),
          isDormant: row.querySelector('[data-testid="dormant-mark"]') !== null,
          bypassesSso: row.querySelector('[data-testid="sso-bypass-mark"]') !== null,
        };
      }),
    );
}

let users: SimUser[];

test.beforeEach(async ({ page }) => {
  await resetSim();
  users = await simUsers();
  await loginAs(page, "admin", "/users");
});

test("the first page arrives rendered by the server, in the simulator's order", async ({ page }) => {
  const html = await (await page.request.get("/users")).text();
  // Present in the HTML itself, before any browser-side fetch.
  for (const user of users.slice(0, 50)) expect(html).toContain(`>${user.email}<`);
  expect(html).not.toContain(`>${users[50]!.email}<`);

  await page.goto("/users");
  await expectRows(page, users.slice(0, 50));
  await expect(page.getByTestId("users-range")).toContainText(`1–50 of ${users.length} users`);
});

test("rows show groups, owner and sub-user, last sign-in with never and dormant, and SSO bypass", async ({
  page,
}) => {
  await page.goto("/users?pageSize=250");
  const shown = users.slice(0, 250);
  await expectRows(page, shown);
  const expected = shown.map((user) => ({
    id: user.id,
    role: user.record_type === "organization_owner" ? "Owner" : "Sub-user",
    status: user.user_status,
    groups: [...user.groups].sort(),
    signIn: user.last_sign_in_at ?? expect.stringContaining("never"),
    isDormant: expectedReviewKinds(user).some((kind) => kind === "never" || kind === "dormant"),
    bypassesSso: user.organization_user_bypasses_sso,
  }));
  expect(await readRows(page)).toEqual(expected);
  // The seed guarantees each mark appears at least once, so the comparison above covers all of them.
  expect(expected.some((row) => row.role === "Owner" && row.bypassesSso)).toBe(true);
  expect(expected.some((row) => row.isDormant)).toBe(true);
});

test("paging and page size live in the URL; back, forward and reload keep them", async ({ page }) => {
  await page.goto("/users");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expectRows(page, users.slice(50, 100));

  await page.getByLabel("Rows per page").selectOption("25");
  await expect(page).toHaveURL(/pageSize=25/);
  await expect(page).not.toHaveURL(/page=2/);
  await expectRows(page, users.slice(0, 25));

  await page.goBack();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expectRows(page, users.slice(50, 100));
  await page.goForward();
  await expect(page).toHaveURL(/pageSize=25/);
  await expectRows(page, users.slice(0, 25));

  await page.getByRole("button", { name: "Next" }).click();
  await expectRows(page, users.slice(25, 50));
  await page.reload();
  await expectRows(page, users.slice(25, 50));
  await expect(page.getByLabel("Rows per page")).toHaveValue("25");
});

test("email (partial) and status filters narrow the list and survive back, forward and reload", async ({
  page,
}) => {
  // A piece of a real address: the last name of a sub-user, so several users may share it.
  const needle = users[10]!.email.split("@")[0]!.split(".")[1]!.slice(0, 4).toUpperCase();
  const byEmail = users.filter((user) => user.email.toLowerCase().includes(needle.toLowerCase()));
  const status = "blocked";
  const byBoth = byEmail.filter((user) => user.user_status === status);

  await page.goto("/users");
  await page.getByLabel("Email contains").fill(needle);
  await expect(page).toHaveURL(new RegExp(`email=${needle}`));
  await expectRows(page, byEmail.slice(0, 50));
  await expect(page.getByTestId("users-range")).toContainText(`of ${byEmail.length} users`);

  await page.getByLabel("Status").selectOption(status);
  await expect(page).toHaveURL(/status=blocked/);
  if (byBoth.length === 0) await expect(page.getByText("No users match these filters")).toBeVisible();
  else await expectRows(page, byBoth.slice(0, 50));

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByLabel("Status")).toHaveValue("");
  await expectRows(page, byEmail.slice(0, 50));

  await page.goBack();
  await expect(page.getByLabel("Email contains")).toHaveValue("");
  await expectRows(page, users.slice(0, 50));

  await page.goForward();
  await expect(page.getByLabel("Email contains")).toHaveValue(needle);
  await expectRows(page, byEmail.slice(0, 50));

  await page.goto(`/users?status=${status}&pageSize=250`);
  await expectRows(page, users.filter((user) => user.user_status === status).slice(0, 250));
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue(status);
});

test("an email nobody has shows the empty state with a way back", async ({ page }) => {
  await page.goto("/users?email=nobody-has-this-address");
  await expect(page.getByText("No users match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Show all users" }).click();
  await expectRows(page, users.slice(0, 50));
});

test("an upstream failure shows the error with a retry that recovers", async ({ page }) => {
  await page.goto("/users");
  await expectRows(page, users.slice(0, 50));
  // Every list call fails until cleared, whatever the retries on the way.
  await injectFault({ operation: "ListOrganizationUsers", kind: "server_error", status: 503, times: 1000 });
  try {
    await page.getByLabel("Status").selectOption("disabled");
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible({ timeout: 20_000 });
  } finally {
    await clearFaults();
  }
  await page.getByRole("button", { name: "Try again" }).click();
  await expectRows(page, users.filter((user) => user.user_status === "disabled").slice(0, 50));
});

test("rows are keyboard-usable: Enter opens the user's page", async ({ page }) => {
  await page.goto("/users");
  const user = users[3]!;
  const row = table(page).locator(`tr[data-user-id="${user.id}"]`);
  // An Enter before the page has hydrated does nothing (the row's handler is not attached yet): press again.
  await expect(async () => {
    if (new URL(page.url()).pathname === "/users") {
      await row.focus();
      await page.keyboard.press("Enter");
    }
    await expect(page).toHaveURL(`/users/${user.id}`, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.email);
});
