import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalOidcProvider, type LocalOidcProvider } from "@/lib/auth/oidc/local-provider";

// The embedded identity provider is a real OpenID Provider: discovery, S256 PKCE required, our client only.
describe("the embedded OIDC provider", () => {
  let provider: LocalOidcProvider;
  const appUrl = "http://127.0.0.1:3999";
  beforeAll(async () => {
    provider = await startLocalOidcProvider({ port: 0, appUrl, password: "local-sso-pass" });
  });
  afterAll(() => provider.close());

  const authorize = (params: Record<string, string>) =>
    fetch(`${provider.settings.issuer}/auth?${new URLSearchParams(params)}`, { redirect: "manual" });
  const base = () => ({
    client_id: provider.settings.clientId,
    response_type: "code",
    scope: provider.settings.scope,
    redirect_uri: `${appUrl}/api/auth/callback/oidc`,
    state: "s",
    nonce: "n",
  });

  it("publishes its discovery document with S256 PKCE only", async () => {
    const response = await fetch(`${provider.settings.issuer}/.well-known/openid-configuration`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.issuer).toBe(provider.settings.issuer);
    expect(body.code_challenge_methods_supported).toEqual(["S256"]);
    expect(body.scopes_supported).toEqual(expect.arrayContaining(["openid", "email", "groups"]));
  });

  it("refuses an authorization request without PKCE, and sends one with it to its login form", async () => {
    const refused = await authorize(base());
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toContain("error=invalid_request");
    expect(new URL(refused.headers.get("location")!).searchParams.get("error_description")).toMatch(
      /requires PKCE/,
    );
    const accepted = await authorize({
      ...base(),
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toMatch(/^\/interaction\//);
  });

  it("refuses a redirect to anywhere but the console", async () => {
    const refused = await authorize({
      ...base(),
      redirect_uri: "http://evil.example/callback",
      code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
      code_challenge_method: "S256",
    });
    expect(refused.status).toBe(400);
  });
});
