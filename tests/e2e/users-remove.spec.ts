import { expect, test, type Page } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simUsers, type SimUser } from "./support/sim-users";

// Removing a user: typed confirmation, reason, gone from list and report, audit row; the owner refused;
// only an admin may remove, the others see why not.

let users: SimUser[];

test.beforeEach(async () => {
  await resetSim();
  users = await simUsers();
});

const owner = () => users.find((user) => user.record_type === "organization_owner")!;
const subUser = (index = 0) => users.filter((user) => user.record_type === "organization_sub_user")[index]!;

async function openRemoveDialog(page: Page, user: SimUser) {
  await page.goto(`/users/${user.id}`);
  await page.getByRole("button", { name: `Remove ${user.email}` }).click();
  return page.getByRole("dialog", { name: "Remove this user?" });
}

test("an admin removes a user after typing the email; list, report and audit reflect it", async ({
  page,
}) => {
  await loginAs(page, "admin", "/users");
  const user = subUser(4);
  const reason = `Offboarding ticket ${Date.now()}`;
  // Filtered to this user's email, so the list proves the row disappears without a reload.
  await page.goto(`/users?email=${encodeURIComponent(user.email)}`);
  await expect(page.getByTestId("users-table").locator(`tr[data-user-id="${user.id}"]`)).toBeVisible();

  const dialog = await openRemoveDialog(page, user);
  await expect(dialog).toContainText("This cannot be undone.");
  const submit = dialog.getByRole("button", { name: "Remove user" });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(/Reason/).fill(reason);
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type ${user.email} to confirm`).fill(`x${user.email}`);
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type ${user.email} to confirm`).fill(user.email);
  await expect(submit).toBeEnabled();
  await submit.click();

  await expect(page.getByText(`${user.email} was removed from the organization.`)).toBeVisible();
  // Back on the list as it was left (filtered to this user), which no longer holds them.
  await expect(page).toHaveURL(`/users?email=${encodeURIComponent(user.email)}`);
  await expect(page.getByTestId("users-table").locator(`tr[data-user-id="${user.id}"]`)).toHaveCount(0);
  // Loaded afresh, the filtered list and the detail agree: the user is gone.
  await page.goto(`/users?email=${encodeURIComponent(user.email)}`);
  await expect(page.getByText("No users match these filters")).toBeVisible();
  await page.goto(`/users/${user.id}`);
  await expect(page.getByText("This user is not in the organization")).toBeVisible();

  expect((await simUsers()).some((candidate) => candidate.id === user.id)).toBe(false);
  const report = (await (await page.request.get("/api/org-users/groups-report?format=json")).json()) as {
    data: { id: string }[];
  };
  expect(report.data).toHaveLength(users.length - 1);
  expect(report.data.some((row) => row.id === user.id)).toBe(false);
  const csv = await (await page.request.get("/api/org-users/groups-report?format=csv")).text();
  expect(csv).not.toContain(user.id);

  const audit = (await (await page.request.get(`/api/audit?target=${user.id}`)).json()) as {
    data: {
      action: string;
      outcome: string;
      reason: string | null;
      actor: { email: string | null } | null;
    }[];
  };
  expect(audit.data).toContainEqual(
    expect.objectContaining({
      action: "org_user.remove",
      outcome: "success",
      reason,
      actor: expect.objectContaining({ email: "admin@subdesk.test" }),
    }),
  );
});

test("the owner cannot be removed: the action says why and the server refuses too", async ({ page }) => {
  await loginAs(page, "admin", "/users");
  const user = owner();
  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole("button", { name: `Remove ${user.email}` })).toBeDisabled();
  await expect(
    page.locator('[data-disabled-reason="The organization owner cannot be removed."]'),
  ).toBeVisible();

  const answer = await page.request.post(`/api/org-users/${user.id}/remove`, {
    data: { reason: "Trying the owner", confirmEmail: user.email },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(answer.status()).toBe(409);
  expect(((await answer.json()) as { error: { message: string } }).error.message).toMatch(
    /owner cannot be removed/i,
  );
  expect((await simUsers()).some((candidate) => candidate.id === user.id)).toBe(true);
});

for (const role of ["support", "viewer"] as const) {
  test(`a ${role} sees remove disabled with the reason, and the server refuses`, async ({ page }) => {
    await loginAs(page, role, "/users");
    const user = subUser(2);
    await page.goto(`/users/${user.id}`);
    await expect(page.getByRole("button", { name: `Remove ${user.email}` })).toBeDisabled();
    await expect(page.locator('[data-disabled-reason="Only an admin can do this."]')).toBeVisible();
    await page.locator('[data-disabled-reason="Only an admin can do this."]').hover();
    await expect(page.getByRole("tooltip")).toHaveText("Only an admin can do this.");

    const answer = await page.request.post(`/api/org-users/${user.id}/remove`, {
      data: { reason: "Not allowed", confirmEmail: user.email },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(answer.status()).toBe(403);
    expect((await simUsers()).some((candidate) => candidate.id === user.id)).toBe(true);
  });
}
