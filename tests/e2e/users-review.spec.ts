import { expect, test, type Page } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { expectedReviewKinds, simUsers, type ReviewKind, type SimUser } from "./support/sim-users";

// /users/review lists exactly the users the simulator's data says it should, with counts and filters.

let users: SimUser[];

test.beforeEach(async () => {
  await resetSim();
  users = await simUsers();
});

const listedIds = (page: Page) =>
  page
    .getByTestId("review-table")
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-user-id")));

const flagged = (kind?: ReviewKind, filter: (user: SimUser) => boolean = () => true) =>
  users.filter((user) => {
    const kinds = expectedReviewKinds(user);
    return filter(user) && kinds.length > 0 && (!kind || kinds.includes(kind));
  });

async function expectListed(page: Page, expected: SimUser[]) {
  await expect(page.getByTestId("review-shown")).toHaveText(
    `${expected.length} ${expected.length === 1 ? "user" : "users"} listed`,
  );
  // Up to 100 rows are drawn at first; the seed flags fewer, so every one of them is on screen.
  expect(await listedIds(page)).toEqual(expected.slice(0, 100).map((user) => user.id));
}

async function expectCount(page: Page, tile: string, count: number) {
  await expect(page.getByTestId(`review-count-${tile}`).locator("[data-count]")).toHaveText(String(count));
}

test("lists every never-signed-in, dormant and SSO-bypassing user, with the right counts", async ({
  page,
}) => {
  await loginAs(page, "viewer", "/users/review");
  const all = flagged();
  // Guard against a seed change making this test vacuous.
  expect(flagged("never").length).toBeGreaterThan(0);
  expect(flagged("dormant").length).toBeGreaterThan(0);
  expect(flagged("sso_bypass").length).toBeGreaterThan(0);

  await expectCount(page, "total", all.length);
  await expectCount(page, "never", flagged("never").length);
  await expectCount(page, "dormant", flagged("dormant").length);
  await expectCount(page, "sso_bypass", flagged("sso_bypass").length);
  await expectListed(page, all);

  // Each row names its reasons.
  for (const user of all.slice(0, 20)) {
    const reasons = page.locator(`tr[data-user-id="${user.id}"] [data-reason]`);
    const names = { never: "never_signed_in", dormant: "dormant", sso_bypass: "bypasses_sso" } as const;
    await expect(reasons).toHaveCount(expectedReviewKinds(user).length);
    for (const kind of expectedReviewKinds(user)) {
      await expect(
        page.locator(`tr[data-user-id="${user.id}"] [data-reason="${names[kind]}"]`),
      ).toBeVisible();
    }
  }
});

test("filters by reason, status and email, kept in the URL", async ({ page }) => {
  await loginAs(page, "admin", "/users/review");
  await page.getByTestId("review-count-dormant").click();
  await expect(page).toHaveURL(/kind=dormant/);
  await expectListed(page, flagged("dormant"));

  await page.getByTestId("review-count-sso_bypass").click();
  await expect(page).toHaveURL(/kind=sso_bypass/);
  await expectListed(page, flagged("sso_bypass"));

  await page.getByLabel("Status").selectOption("enabled");
  await expect(page).toHaveURL(/status=enabled/);
  const enabled = (user: SimUser) => user.user_status === "enabled";
  await expectListed(page, flagged("sso_bypass", enabled));
  // Counts follow status and email, whatever the reason chosen.
  await expectCount(page, "never", flagged("never", enabled).length);

  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expectListed(page, flagged("sso_bypass"));

  const needle = flagged("never")[0]!.email.split("@")[0]!.slice(0, 5);
  const byEmail = (user: SimUser) => user.email.toLowerCase().includes(needle.toLowerCase());
  await page.goto(`/users/review?kind=never&email=${needle}`);
  await expect(page.getByLabel("Email contains")).toHaveValue(needle);
  await expectListed(page, flagged("never", byEmail));
  await page.reload();
  await expectListed(page, flagged("never", byEmail));
});

test("removing from the review uses the same safe dialog and the user leaves the review", async ({
  page,
}) => {
  await loginAs(page, "admin", "/users/review");
  const user = flagged("never").find((candidate) => candidate.record_type === "organization_sub_user")!;
  const before = flagged();
  await page.getByRole("button", { name: `Remove ${user.email}` }).click();
  const dialog = page.getByRole("dialog", { name: "Remove this user?" });
  await expect(dialog).toContainText("This cannot be undone.");
  await dialog.getByLabel(/Reason/).fill("Never used the account");
  await expect(dialog.getByRole("button", { name: "Remove user" })).toBeDisabled();
  await dialog.getByLabel(`Type ${user.email} to confirm`).fill(user.email.toUpperCase());
  await dialog.getByRole("button", { name: "Remove user" }).click();
  await expect(page.getByText(`${user.email} was removed from the organization.`)).toBeVisible();
  await expect(page.locator(`tr[data-user-id="${user.id}"]`)).toHaveCount(0);
  await expectCount(page, "total", before.length - 1);

  // The owner bypasses SSO, so the owner is listed, with the action disabled and the reason given.
  const owner = users.find((candidate) => candidate.record_type === "organization_owner")!;
  await expect(page.locator(`tr[data-user-id="${owner.id}"] button`)).toBeDisabled();
  await expect(
    page.locator(
      `tr[data-user-id="${owner.id}"] [data-disabled-reason="The organization owner cannot be removed."]`,
    ),
  ).toBeVisible();
});

test("a viewer sees remove disabled with the reason on the review", async ({ page }) => {
  await loginAs(page, "viewer", "/users/review");
  const user = flagged().find((candidate) => candidate.record_type === "organization_sub_user")!;
  await expect(page.getByRole("button", { name: `Remove ${user.email}` })).toBeDisabled();
  await expect(
    page.locator(`tr[data-user-id="${user.id}"] [data-disabled-reason="Only an admin can do this."]`),
  ).toBeVisible();
});
