import { expect, test, type Page, type Response } from "@playwright/test";
import { resetSim } from "../support/sim-control";
import { loginAs } from "./support/login";
import { simAccounts } from "./support/sim-accounts";

test.beforeEach(async ({ page }) => {
  await resetSim();
  await loginAs(page, "admin", "/accounts/new");
});

/** Every value the page keeps in localStorage, sessionStorage and IndexedDB, as one string. */
async function browserStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    for (const storage of [localStorage, sessionStorage]) {
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index)!;
        parts.push(key, storage.getItem(key) ?? "");
      }
    }
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        parts.push(JSON.stringify(rows));
      }
      db.close();
    }
    return parts.join("\n");
  });
}

test("create: the key is shown once, and appears in no later answer and no browser storage", async ({
  page,
}) => {
  // Several page loads and a scan of every answer: more than the default budget on a busy machine.
  test.setTimeout(120_000);
  const bodies: { url: string; body: string }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response: Response) => {
    // A body that never completes (an aborted navigation) must not stall the scan.
    const body = Promise.race([
      response.text(),
      new Promise<string>((resolve) => setTimeout(() => resolve(""), 10_000)),
    ]);
    pending.push(
      body.then((text) => void bodies.push({ url: response.url(), body: text })).catch(() => undefined),
    );
  });
  const countBefore = (await simAccounts()).length;
  const email = `e2e-${Date.now()}@create.example.com`;

  const form = page.locator("form");
  await form.getByLabel(/Business name/).fill("E2E Create Ltd");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("short");
  await expect(page.getByTestId("password-strength")).toContainText("Too short");
  await form.getByLabel("Password").fill("Correct-Horse-42-Battery");
  await expect(page.getByTestId("password-strength")).toContainText("Strong");
  await expect(form).toContainText("Fixed after creation");

  // A double submit: the second is swallowed in the browser, and both would carry one Idempotency-Key.
  const createRequest = page.waitForRequest(
    (request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/managed-accounts",
  );
  await form.evaluate((element: HTMLFormElement) => {
    element.requestSubmit();
    element.requestSubmit();
  });
  const request = await createRequest;
  expect(request.headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);

  const reveal = page.getByTestId("api-key-reveal");
  await expect(reveal).toContainText("it will not be shown again");
  await expect(reveal.getByRole("button", { name: "Copy key" })).toBeVisible();
  const apiKey = (await page.getByTestId("api-key").textContent())!.trim();
  expect(apiKey.length).toBeGreaterThan(10);

  const after = await simAccounts();
  expect(after).toHaveLength(countBefore + 1);
  expect(after.filter((account) => account.email === email)).toHaveLength(1);

  await Promise.all(pending);
  const createAnswerIndex = bodies.findIndex((entry) => entry.body.includes(apiKey));
  expect(createAnswerIndex).toBeGreaterThanOrEqual(0);
  expect(new URL(bodies[createAnswerIndex]!.url).pathname).toBe("/api/managed-accounts");
  const seenBefore = bodies.length;

  // Move around: the account, the list, back to the form. No answer may carry the key again.
  await page.getByRole("link", { name: /open the account/ }).click();
  await expect(page.getByTestId("account-title")).toHaveText(email);
  await page.getByRole("link", { name: "All accounts" }).click();
  await expect(page.getByTestId("account-row").first()).toBeVisible();
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/\/accounts\/new$/);
  await expect(page.getByTestId("api-key")).toHaveCount(0);
  await page.goto(`/accounts?email=${encodeURIComponent(email)}&emailMatch=eq`);
  await expect(page.getByTestId("account-row")).toHaveCount(1);

  await Promise.all(pending);
  const later = bodies.slice(seenBefore);
  expect(later.length).toBeGreaterThan(3);
  expect(later.filter((entry) => entry.body.includes(apiKey)).map((entry) => entry.url)).toEqual([]);
  expect(await browserStorage(page)).not.toContain(apiKey);
  const cookies = await page.context().cookies();
  expect(JSON.stringify(cookies)).not.toContain(apiKey);
});

test("create: the schema checks the form before sending, and Telnyx's 422 lands on the field", async ({
  page,
}) => {
  const form = page.locator("form");
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/managed-accounts") posts++;
  });
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("Enter the business name.")).toBeVisible();
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel(/Business name/).fill("Bad Email Inc");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();
  expect(posts).toBe(0);

  const taken = (await simAccounts())[0]!.email;
  await form.getByLabel("Email").fill(taken);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText(/already been taken|already/i).first()).toBeVisible();
  expect(posts).toBe(1);
});

/** Fills and sends the create form; answers the key the reveal shows. */
async function createAccount(page: Page): Promise<string> {
  const form = page.locator("form");
  await form.getByLabel(/Business name/).fill("E2E Leave Guard Ltd");
  await form.getByLabel("Email").fill(`e2e-${Date.now()}@leave.example.com`);
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("api-key-reveal")).toBeVisible();
  return (await page.getByTestId("api-key").textContent())!.trim();
}

test("create: leaving before the key is copied asks first (reload, a link, Back, Create another)", async ({
  page,
}) => {
  const apiKey = await createAccount(page);
  const keyShown = page.getByTestId("api-key");
  const ask = page.getByRole("dialog", { name: "Leave without the API key?" });

  // Reload: the browser's own prompt; staying keeps the page and the key.
  const prompt = page.waitForEvent("dialog");
  void page.evaluate(() => window.location.reload()).catch(() => undefined);
  const beforeUnload = await prompt;
  expect(beforeUnload.type()).toBe("beforeunload");
  await beforeUnload.dismiss();
  await expect(keyShown).toHaveText(apiKey);

  // A link in the console: asked in the page; Stay keeps everything as it was.
  await page.getByRole("link", { name: /All accounts/ }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay and copy the key" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page).toHaveURL(/\/accounts\/new$/);
  await expect(keyShown).toHaveText(apiKey);

  // Back: asked too, and the page stays.
  await page.goBack();
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(/\/accounts\/new$/);
  await page.keyboard.press("Escape");
  await expect(ask).toHaveCount(0);
  await expect(keyShown).toHaveText(apiKey);

  // "Create another" drops the key as well.
  await page.getByRole("button", { name: "Create another" }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay and copy the key" }).click();
  await expect(keyShown).toHaveText(apiKey);

  // Leaving on purpose goes where the link pointed.
  await page.getByRole("link", { name: /All accounts/ }).click();
  await ask.getByRole("button", { name: "Leave without the key" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId("api-key")).toHaveCount(0);

  // And Back, confirmed, leaves the page in one step.
  await page.goto("/accounts/new");
  await createAccount(page);
  await page.goBack();
  await ask.getByRole("button", { name: "Leave without the key" }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByTestId("api-key")).toHaveCount(0);
});

test("create: once the key is copied, leaving asks nothing", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const apiKey = await createAccount(page);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByTestId("api-key-reveal").getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(apiKey);

  let prompts = 0;
  page.on("dialog", (dialog) => {
    prompts++;
    void dialog.dismiss();
  });
  // "Create another" gives a fresh form and takes the guard's extra history entry away with the key:
  // one Back then leaves the page.
  await page.getByRole("button", { name: "Create another" }).click();
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  await expect(page.getByTestId("api-key")).toHaveCount(0);
  await expect(page).toHaveURL(/\/accounts\/new$/);
  await page.goBack();
  await expect(page).not.toHaveURL(/\/accounts\/new$/);
  await page.goto("/accounts/new");

  await createAccount(page);
  await page.getByRole("button", { name: "Copy key" }).click();
  await page.getByRole("link", { name: /All accounts/ }).click();
  await expect(page).toHaveURL(/\/accounts$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(prompts).toBe(0);
});
