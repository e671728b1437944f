import { expect, type Page } from "@playwright/test";
import { demoPassword, staffEmail, type Role } from "../../support/env";

/**
 * Signs the page's browser context in as a demo staff member through next-auth's credentials endpoint
 * (the request context shares the browser's cookie jar), so a test starts signed in without depending
 * on the login form's markup. The login form itself has its own spec.
 */
export async function signInAs(page: Page, role: Role): Promise<void> {
  const request = page.context().request;
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const email = staffEmail(role);
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: demoPassword(), json: "true" },
    maxRedirects: 0,
  });
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email, `signed in as ${email}`).toBe(email);
}
