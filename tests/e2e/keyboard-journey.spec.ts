import { expect, test, type Locator, type Page } from "@playwright/test";
import { demoPassword, staffEmail } from "../support/env";
import { resetSim } from "../support/sim-control";
import { select, simAccount, simAccounts } from "./support/sim-accounts";

// Issue 10, Must show 2: a support agent's whole errand by keyboard alone (keyboard.press/type, no
// clicks): sign in, find an account by typing in the filter, open it, disable it with a reason, come
// back to the list. At every stop the focused element shows a visible focus indicator, and closing a
// dialog gives focus back to what opened it.

test.beforeEach(async () => {
  await resetSim();
});

/** The focused element: :focus-visible matches and it draws an outline or a ring (a box-shadow). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return { ok: false, what: "<body>" };
    const style = getComputedStyle(element);
    const hasOutline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const hasRing = style.boxShadow !== "none" && style.boxShadow !== "";
    return {
      ok: element.matches(":focus-visible") && (hasOutline || hasRing),
      what: element.outerHTML.slice(0, 160),
    };
  });
  expect(focus.ok, `a visible focus indicator on ${focus.what}`).toBe(true);
}

/** `target` has focus, or the table row holding it does (rows that open on Enter take the Tab stop). */
const hasFocus = (target: Locator) =>
  target
    .evaluate((element) => {
      const active = document.activeElement;
      if (!active) return false;
      return element === active || (active.closest("tr") === active && active.contains(element));
    })
    .catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has focus, checking the focus is visible at each stop. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 60 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page);
  }
  expect(await hasFocus(target), `reached within ${max} presses`).toBe(true);
}

test("sign in, find an account, disable it with a reason and come back, by keyboard only", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = select(await simAccounts(), { status: "enabled" })[3]!;
  // Enough of the address to find this one account, typed as an agent would.
  const search = account.email.split("@")[0]!;

  // Sign in: the email field has focus on arrival.
  await page.goto("/login?callbackUrl=%2Faccounts");
  const email = page.getByRole("textbox", { name: /email/i });
  await tabTo(page, email);
  await page.keyboard.type(staffEmail("support"));
  await page.keyboard.press("Tab");
  await expectVisibleFocus(page);
  await page.keyboard.type(demoPassword());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/accounts(\?|$)/);

  // The skip link is the first stop and jumps past the navigation.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");

  // Find the account by typing in the email filter.
  const filter = page
    .getByRole("search", { name: "Filter accounts" })
    .getByRole("searchbox", { name: "Email" });
  await tabTo(page, filter);
  await page.keyboard.type(search);
  await expect(page).toHaveURL(/[?&]email=/);
  const accountLink = page.getByRole("link", { name: account.email, exact: true });
  await expect(accountLink).toBeVisible();
  // The skip link's #content is not list state.
  const listUrl = page.url().replace(/#.*$/, "");

  // Open it.
  await tabTo(page, accountLink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/accounts/${account.id}$`));
  await expect(page.getByTestId("account-title")).toHaveText(account.email);

  // Open the disable dialog, leave it with Escape: focus is back on the button that opened it.
  const disable = page.getByRole("button", { name: "Disable", exact: true });
  await tabTo(page, disable);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(`Disable ${account.email}?`);
  await expect(dialog.getByLabel(/Reason/)).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(disable).toBeFocused();
  await expectVisibleFocus(page);

  // Again, with a reason, confirmed from the keyboard.
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel(/Reason/)).toBeFocused();
  const reason = `keyboard journey ${Date.now()}`;
  await page.keyboard.type(reason);
  await tabTo(page, dialog.getByRole("button", { name: "Disable account" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(`${account.email} is disabled.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
  expect((await simAccount(account.id)).status).toBe("disabled");
  // The Disable button is gone with the state it offered to change: focus goes to what replaced it.
  const enable = page.getByRole("button", { name: "Enable", exact: true });
  await expect(enable).toBeFocused();
  await expectVisibleFocus(page);

  // Back to the list as it was left: the same filter, now showing the account disabled.
  const back = page.getByRole("link", { name: "All accounts" });
  await tabTo(page, back, { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(listUrl);
  await expect(filter).toHaveValue(search);
  await expect(accountLink).toBeVisible();
  const row = page.getByRole("row").filter({ has: accountLink });
  await expect(row.getByTestId("account-status")).toHaveText("disabled");
});
