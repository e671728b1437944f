import { expect, test } from "@playwright/test";
import { signIn } from "../support/api-client";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { select, simAccounts, simPool } from "./support/sim-accounts";
import { simUrl } from "../support/env";

test.beforeEach(async () => {
  await resetSim();
});

test("the overview shows the real pool figures and counts", async ({ page }) => {
  const pool = await simPool();
  const accounts = await simAccounts();
  const users = ((await (await fetch(`${simUrl()}/__sim/state/users`)).json()) as { data: unknown[] }).data;
  await loginAs(page, "viewer", "/");
  await expect(page.getByTestId("overview-allocatable-value")).toHaveText(
    pool.allocatable.toLocaleString("en"),
  );
  await expect(page.getByTestId("overview-allocated-value")).toHaveText(pool.allocated.toLocaleString("en"));
  await expect(page.getByTestId("overview-headroom-value")).toHaveText(
    (pool.allocatable - pool.allocated).toLocaleString("en"),
  );
  await expect(page.getByTestId("overview-accounts-value")).toHaveText(
    select(accounts).length.toLocaleString("en"),
  );
  await expect(page.getByTestId("overview-disabled-value")).toHaveText(
    select(accounts, { status: "disabled" }).length.toLocaleString("en"),
  );
  await expect(page.getByTestId("overview-users-value")).toHaveText(users.length.toLocaleString("en"));

  // The same figures our API serves to the accounts page's pool card.
  const client = await signIn("viewer");
  const { data } = await client.getJson<{
    data: { allocatable: number; allocated: number; headroom: number };
  }>("/api/managed-accounts/channels");
  expect(data).toEqual({
    allocatable: pool.allocatable,
    allocated: pool.allocated,
    headroom: pool.allocatable - pool.allocated,
  });
});
