import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../support/csv";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { expectedReviewKinds, simUsers } from "./support/sim-users";

// An access review campaign from start to evidence, on a phone-sized screen: start, keep one with a
// reason, remove two in one go, run the removal job, close, download the CSV.

const seriousAxeRules = async (page: Page) =>
  // Toasts included: their rich-colour text is darkened to AA in app/globals.css.
  (await new AxeBuilder({ page }).analyze()).violations
    .filter((item) => item.impact === "serious" || item.impact === "critical")
    .map(
      (item) =>
        `${item.id}: ${item.nodes
          .slice(0, 3)
          .map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`)
          .join(" | ")}`,
    );

test.afterAll(async () => {
  await resetSim();
});

test("a review campaign: start, keep one, remove two at once, run the removals, close, export", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await resetSim();
  const flaggedSubUsers = (await simUsers()).filter(
    (user) => user.record_type === "organization_sub_user" && expectedReviewKinds(user).length > 0,
  );
  const [kept, first, second] = flaggedSubUsers;
  expect(second).toBeDefined();

  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, "admin", "/users/review");
  await page.getByRole("button", { name: "Start a review" }).click();
  const start = page.getByRole("dialog", { name: "Start an access review" });
  await start.getByLabel("Name").fill("Quarterly access review");
  await start.getByRole("button", { name: "Start review" }).click();
  await expect(start).toBeHidden();
  const panel = page.getByTestId("campaign-panel");
  await expect(panel.getByRole("heading", { name: "Quarterly access review" })).toBeVisible();
  await expect(panel.getByTestId("campaign-progress-text")).toHaveText(/^0 of \d+ decided$/);
  const total = Number(
    /of (\d+)/.exec((await panel.getByTestId("campaign-progress-text").textContent())!)![1],
  );
  // Support may propose, only an admin runs: nothing is marked yet, so the button explains why it waits.
  await expect(panel.getByRole("button", { name: "Run removals (0)" })).toBeDisabled();

  // Keep one, with its reason.
  await panel.getByRole("button", { name: `Keep ${kept!.email}` }).click();
  const keep = page.getByRole("dialog");
  await expect(keep.getByRole("button", { name: "Keep" })).toBeDisabled();
  await keep.getByLabel("Reason (required)").fill("Runs the night shift");
  await keep.getByRole("button", { name: "Keep" }).click();
  await expect(keep).toBeHidden();
  const keptRow = panel.locator(`tr[data-item-id="${kept!.id}"]`);
  await expect(keptRow.getByTestId("item-decision")).toContainText("keep");
  await expect(keptRow.getByTestId("item-decision")).toContainText("Runs the night shift");

  // Two at once.
  for (const user of [first!, second!])
    await panel.getByRole("checkbox", { name: `Select ${user.email}` }).check();
  expect(await seriousAxeRules(page)).toEqual([]);
  await panel.getByRole("button", { name: "Remove selected" }).click();
  const remove = page.getByRole("dialog", { name: "Mark 2 people for removal?" });
  expect(await seriousAxeRules(page)).toEqual([]);
  await remove.getByRole("button", { name: "Mark for removal" }).click();
  await expect(remove).toBeHidden();
  await expect(panel.getByTestId("campaign-progress-text")).toHaveText(`3 of ${total} decided`);

  // One job removes both.
  await panel.getByRole("button", { name: "Run removals (2)" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove 2 people?" });
  await confirm.getByRole("button", { name: "Start removal job" }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByRole("link", { name: "Follow the removal job" })).toBeVisible();
  for (const user of [first!, second!]) {
    await expect(panel.locator(`tr[data-item-id="${user.id}"]`).getByTestId("item-decision")).toContainText(
      "removed",
      { timeout: 20_000 },
    );
  }
  const left = new Set((await simUsers()).map((user) => user.id));
  expect([left.has(first!.id), left.has(second!.id), left.has(kept!.id)]).toEqual([false, false, true]);

  // Close with the rest undecided.
  await panel.getByRole("button", { name: "Close review" }).click();
  const close = page.getByRole("dialog", { name: "Close this review?" });
  await expect(close).toContainText(`${total - 3} people are still undecided`);
  await close.getByRole("button", { name: "Close review" }).click();
  await expect(close).toBeHidden();
  await expect(panel.getByText("closed", { exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: `Keep ${kept!.email}` })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    panel.getByRole("link", { name: "Decisions CSV" }).click(),
  ]);
  const rows = parseCsv(await readFile((await download.path())!, "utf8")).filter((row) => row.length > 1);
  expect(rows[0]!.slice(0, 4)).toEqual(["person", "email", "flags", "decision"]);
  expect(rows).toHaveLength(total + 1);
  const byId = new Map(rows.map((row) => [row[0], row]));
  expect(byId.get(kept!.id)!.slice(3, 5)).toEqual(["keep", "Runs the night shift"]);
  expect(byId.get(first!.id)![3]).toBe("remove");
  expect(byId.get(first!.id)![8]).toBe("done");

  // The removal job's items lead to the people's own pages, not to an account.
  await panel.getByRole("link", { name: "Follow the removal job" }).click();
  const targets = page.getByTestId("job-item").locator("td[data-first-column] a");
  await expect(targets).toHaveCount(2);
  for (const link of await targets.all()) {
    await expect(link).toHaveAttribute("href", /^\/users\/[0-9a-f-]{36}$/);
  }
});

test("support records decisions, but the removal job shows disabled with the reason", async ({ page }) => {
  await loginAs(page, "support", "/users/review");
  await page.getByRole("button", { name: "Start a review" }).click();
  const start = page.getByRole("dialog", { name: "Start an access review" });
  await start.getByLabel("Name").fill("Support's review");
  await start.getByRole("button", { name: "Start review" }).click();
  const panel = page.getByTestId("campaign-panel");
  await panel.getByRole("checkbox", { name: "Select this page" }).check();
  await panel.getByRole("button", { name: "Remove selected" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Mark for removal" }).click();
  // The page's people are proposed for removal: the job waits for an admin.
  await expect(
    panel
      .locator('[data-disabled-reason="Only an admin can do this."]')
      .getByRole("button", { name: /^Run removals \([1-9]/ }),
  ).toBeDisabled();
});
