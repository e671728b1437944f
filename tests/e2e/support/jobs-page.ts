import { expect, type Page } from "@playwright/test";

export const bulkBar = (page: Page) => page.getByRole("region", { name: "Bulk actions" });

/** Fills the bulk dialog (reason, typed confirmation when asked) and waits for the job page it opens. */
export async function confirmBulk(
  page: Page,
  { button, reason, typed }: { button: string; reason: string; typed?: string },
): Promise<string> {
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill(reason);
  if (typed !== undefined) await dialog.getByLabel(/to confirm/).fill(typed);
  await dialog.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Waits until the job page shows a finished status (jobs are paced at 10 a second by default). */
export async function expectJobStatus(page: Page, status: string, timeout = 20_000) {
  await expect(page.getByTestId("job-status")).toHaveText(status, { timeout });
}

export const jobCount = (page: Page, name: string) => page.getByTestId(`count-${name}`);
