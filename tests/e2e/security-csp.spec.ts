import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";
import { simUsers } from "./support/sim-users";

// Every console page, signed in as an admin, must load without a single CSP violation (the nonce reaches
// every script Next and our components emit), and without serious or critical axe findings.

declare global {
  interface Window {
    __cspViolations?: { directive: string; blocked: string; source: string }[];
  }
}

async function watchCsp(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /content security policy|csp/i.test(message.text())) {
      consoleErrors.push(message.text());
    }
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  return consoleErrors;
}

const consolePages = [
  "/",
  "/accounts",
  "/accounts/:account",
  "/accounts/new",
  "/jobs",
  "/users",
  "/users/:user",
  "/users/review",
  "/audit",
  "/staff",
];

async function resolvePath(path: string): Promise<string> {
  if (path.includes(":account")) {
    const account = (await simAccounts()).find((item) => item.status === "enabled")!;
    return path.replace(":account", account.id);
  }
  if (path.includes(":user")) return path.replace(":user", (await simUsers())[1]!.id);
  return path;
}

/** Load, then give the client bundles a moment to hydrate; some pages keep polling, so idle may never come. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
}

test("the sign-in page has no CSP violation", async ({ page }) => {
  const consoleErrors = await watchCsp(page);
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  await settle(page);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

for (const template of consolePages) {
  test.describe(`console page ${template}`, () => {
    let path: string;
    let consoleErrors: string[];

    test.beforeEach(async ({ page }) => {
      consoleErrors = await watchCsp(page);
      await loginAs(page, "admin");
      path = await resolvePath(template);
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await settle(page);
    });

    test("loads with no CSP violation", async ({ page }) => {
      expect(await page.evaluate(() => window.__cspViolations ?? [])).toEqual([]);
      expect(consoleErrors).toEqual([]);
    });

    test("has no serious or critical axe finding", async ({ page }) => {
      // axe walks every node: the long tables take a while on a loaded machine.
      test.setTimeout(120_000);
      const axe = await new AxeBuilder({ page }).analyze();
      const findings = axe.violations
        .filter((item) => item.impact === "serious" || item.impact === "critical")
        .map(
          (item) =>
            `${item.impact} ${item.id}: ${item.help} (${item.nodes
              .slice(0, 3)
              .map((node) => node.target.join(" "))
              .join(" | ")})`,
        );
      expect(findings, path).toEqual([]);
    });
  });
}
