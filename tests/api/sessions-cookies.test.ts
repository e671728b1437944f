import { afterEach, describe, expect, it } from "vitest";
import { authCookies, sessionCookieName } from "@/lib/auth/cookies";
import { buildAuthOptions } from "@/lib/auth/options";
import { ApiClient, postCredentials } from "../support/api-client";
import { demoPassword, staffEmail } from "../support/env";

// The session cookie as the running server sets it (served over http here), and the configuration the
// same code picks for an https deployment: `__Host-` names, Secure, Path=/, no Domain.

function parseSetCookie(line: string) {
  const [pair = "", ...rest] = line.split(";");
  const separator = pair.indexOf("=");
  const attributes = new Map(
    rest.map((part) => {
      const [name = "", ...value] = part.trim().split("=");
      return [name.toLowerCase(), value.join("=")] as const;
    }),
  );
  return { name: pair.slice(0, separator).trim(), value: pair.slice(separator + 1), attributes };
}

describe("the session cookie the server sets", () => {
  it("is HttpOnly, SameSite=Lax, Path=/, named on purpose, and lives at most 12 hours", async () => {
    const client = new ApiClient();
    const answer = await postCredentials(client, staffEmail("viewer"), demoPassword());
    const cookies = answer.headers.getSetCookie().map(parseSetCookie);
    const session = cookies.find((cookie) => cookie.name.endsWith("subdesk.session"));
    expect(session, cookies.map((cookie) => cookie.name).join(", ")).toBeDefined();
    // Served over http in the tests, so no __Host- prefix (it requires Secure).
    expect(session!.name).toBe("subdesk.session");
    expect(session!.attributes.has("httponly")).toBe(true);
    expect(session!.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(session!.attributes.get("path")).toBe("/");
    expect(session!.attributes.has("domain")).toBe(false);
    const expires = Date.parse(session!.attributes.get("expires") ?? "");
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3600_000 + 60_000);
    // next-auth's defaults (next-auth.session-token, 30 days) must not be in play.
    expect(cookies.some((cookie) => cookie.name.includes("next-auth"))).toBe(false);
  });
});

describe("the cookie configuration for an https NEXTAUTH_URL", () => {
  const original = process.env.NEXTAUTH_URL;
  afterEach(() => {
    process.env.NEXTAUTH_URL = original;
  });

  it("uses __Host- names with Secure, Path=/ and no Domain for every auth cookie", () => {
    process.env.NEXTAUTH_URL = "https://console.example.com";
    expect(sessionCookieName()).toBe("__Host-subdesk.session");
    const cookies = authCookies();
    for (const [kind, cookie] of Object.entries(cookies)) {
      expect(cookie?.name, kind).toMatch(/^__Host-/);
      expect(cookie?.options, kind).toMatchObject({
        secure: true,
        path: "/",
        httpOnly: true,
        sameSite: "lax",
      });
      expect(cookie?.options, kind).not.toHaveProperty("domain");
    }
    const options = buildAuthOptions();
    expect(options.useSecureCookies).toBe(true);
    expect(options.cookies?.sessionToken?.name).toBe("__Host-subdesk.session");
    expect(options.session?.maxAge).toBe(12 * 60 * 60);
  });

  it("drops the prefix and Secure only for plain http", () => {
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    expect(sessionCookieName()).toBe("subdesk.session");
    expect(authCookies().sessionToken?.options).toMatchObject({
      secure: false,
      httpOnly: true,
      sameSite: "lax",
    });
    expect(buildAuthOptions().useSecureCookies).toBe(false);
  });
});
