import type { Page } from "@playwright/test";

/** The email links of the visible rows, in order (each row's one link to its account). */
export const rowEmails = (page: Page) => page.getByTestId("account-row").locator('a[href^="/accounts/"]');

export const pageStatus = (page: Page) => page.getByTestId("page-status");

/** Every /api/managed-accounts list request the page makes, for asserting what was (not) sent. */
export function recordListRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/managed-accounts" && request.method() === "GET") seen.push(url);
  });
  return seen;
}
