import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn } from "../support/api-client";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";
import { simUsers } from "./support/sim-users";

// The command palette (Ctrl+K): find an account by part of its email and open it with Enter, jump to a
// page, see the account again under Recent, and give focus back to what had it on Escape.

const palette = (page: Page) => page.getByRole("dialog", { name: "Search or jump to" });
const paletteInput = (page: Page) => palette(page).getByRole("combobox");

async function openWithShortcut(page: Page) {
  // Retried: the server's HTML is on screen before React has attached the shortcut.
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(paletteInput(page)).toBeFocused();
}

test("Ctrl+K, part of an email, Enter opens the account; it is then a recent item", async ({ page }) => {
  const accounts = await simAccounts();
  // A middle part of one account's email that no other account's email or organization contains.
  const account = accounts.find((candidate) => {
    const part = candidate.email.split("@")[1]!.slice(0, 8);
    return (
      accounts.filter((other) => `${other.email} ${other.organization_name}`.toLowerCase().includes(part))
        .length === 1
    );
  })!;
  const part = account.email.split("@")[1]!.slice(0, 8);

  await loginAs(page, "support", "/");
  await openWithShortcut(page);
  await page.keyboard.type(part);
  const option = palette(page).getByRole("option", { name: new RegExp(account.email) });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await expect(palette(page)).toBeHidden();

  await openWithShortcut(page);
  const recent = palette(page).getByRole("group", { name: "Recent" });
  await expect(recent.getByRole("option", { name: new RegExp(account.email) })).toBeVisible();
});

test("a page jump by keyboard, only pages the role can open, and Escape gives focus back", async ({
  page,
}) => {
  await loginAs(page, "support", "/");
  const opener = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Accounts", exact: true })
    .first();
  await opener.focus();
  await openWithShortcut(page);
  await expect(palette(page).getByRole("option", { name: "Audit", exact: true })).toBeVisible();
  // Staff admin and account creation are for admins: support is not offered them.
  await expect(palette(page).getByRole("option", { name: "Staff", exact: true })).toHaveCount(0);
  await expect(palette(page).getByRole("option", { name: "New account", exact: true })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();
  await expect(opener).toBeFocused();

  // The header's button opens it too (touch, discoverability); arrows and Enter pick a page.
  await page.getByRole("button", { name: /Search or jump to/ }).click();
  await paletteInput(page).fill("aud");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await expect(palette(page).getByRole("option", { name: "Audit", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/audit$/);
});

test("a part shorter than 3 characters asks for more; nothing found says so", async ({ page }) => {
  await loginAs(page, "viewer", "/");
  await openWithShortcut(page);
  await page.keyboard.type("zq");
  await expect(palette(page)).toContainText("Type at least 3 characters");
  await page.keyboard.type("xzqv");
  await expect(palette(page)).toContainText("Nothing matches");
});

test("a saved view is one jump away", async ({ page }) => {
  const support = await signIn("support");
  const name = `Palette disabled ${randomUUID().slice(0, 6)}`;
  const saved = await support.post("/api/views", {
    name,
    list: "accounts",
    shared: false,
    query: { status: "disabled" },
  });
  expect(saved.status, await saved.text()).toBe(201);
  await loginAs(page, "support", "/");
  await openWithShortcut(page);
  await page.keyboard.type(name.slice(0, 14));
  const option = palette(page)
    .getByRole("group", { name: "Saved views" })
    .getByRole("option", { name: new RegExp(name) });
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/accounts\?(.*&)?status=disabled/);
});

test("a user's page opened from the list comes back under Recent", async ({ page }) => {
  const [user] = await simUsers();
  await loginAs(page, "viewer", `/users/${user!.id}`);
  await expect(page.getByText(user!.email).first()).toBeVisible();
  await openWithShortcut(page);
  await page.keyboard.type(user!.email.slice(0, 4));
  const recent = palette(page).getByRole("group", { name: "Recent" });
  await expect(recent.getByRole("option", { name: new RegExp(user!.email) })).toBeVisible();
});
