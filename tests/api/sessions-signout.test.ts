import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiClient, signIn } from "../support/api-client";
import { baseUrl } from "../support/env";
import { signInAs } from "../support/own-server";

// A cookie that was valid must stop working: after sign-out (a replay answers 401) and once its owner
// is disabled (at their very next request, not when the cookie expires).

/** Sends exactly this cookie header, nothing kept from earlier answers. */
async function replay(cookie: string, path = "/api/managed-accounts/channels"): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
}

/** Signs out the way next-auth's client does: CSRF token from /api/auth/csrf, then a form POST. */
async function signOut(client: ApiClient): Promise<Response> {
  const { csrfToken } = await client.getJson<{ csrfToken: string }>("/api/auth/csrf");
  return client.request("POST", "/api/auth/signout", {
    body: new URLSearchParams({ csrfToken, callbackUrl: `${baseUrl()}/login`, json: "true" }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
}

describe("sign-out", () => {
  it("makes the old cookie useless: a replay answers 401 and pages send it to sign in", async () => {
    const client = await signIn("support");
    const oldCookie = client.cookieHeader();
    expect((await replay(oldCookie)).status).toBe(200);

    const answer = await signOut(client);
    expect(answer.status).toBeLessThan(400);
    // The browser is told to forget it...
    expect(client.hasCookie((name) => name.endsWith("subdesk.session"))).toBe(false);
    // ...and one that kept it anyway gets nothing.
    const replayed = await replay(oldCookie);
    expect(replayed.status).toBe(401);
    expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    const page = await replay(oldCookie, "/accounts");
    expect(page.status).toBeGreaterThanOrEqual(300);
    expect(page.status).toBeLessThan(400);
    expect(page.headers.get("location")).toContain("/login");
    const session = (await (await replay(oldCookie, "/api/auth/session")).json()) as { user?: unknown };
    expect(session.user).toBeUndefined();
  });

  it("ends only that session: the same person's other session carries on", async () => {
    const first = await signIn("viewer");
    const second = await signIn("viewer");
    await signOut(first);
    expect((await replay(second.cookieHeader())).status).toBe(200);
  });
});

describe("a disabled person", () => {
  let admin: ApiClient;
  beforeAll(async () => {
    admin = await signIn("admin");
  });

  it("loses their existing session at the next request", async () => {
    const email = `disable-me-${randomUUID()}@subdesk.test`;
    const password = `pw-${randomUUID()}`;
    const created = await admin.post("/api/staff", { email, name: "Disable Me", role: "support", password });
    const createdText = await created.text();
    expect(created.status, createdText.slice(0, 300)).toBeLessThan(300);
    const id = (JSON.parse(createdText) as { data: { id: string } }).data.id;

    const person = await signInAs(new ApiClient(), email, password);
    const cookie = person.cookieHeader();
    expect((await replay(cookie)).status).toBe(200);

    const disabled = await admin.patch(`/api/staff/${id}`, { status: "disabled" });
    expect(disabled.status, (await disabled.text()).slice(0, 300)).toBe(200);
    expect((await replay(cookie)).status).toBe(401);
    expect((await replay(cookie, "/api/auth/session")).status).toBeLessThan(500);
    // And cannot sign in again.
    await expect(signInAs(new ApiClient(), email, password)).rejects.toThrow(/failed/);
  });
});
