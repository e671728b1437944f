// next-auth's generic OIDC client for the configured (or embedded) identity provider: discovery, PKCE,
// state and nonce, claims from the ID token (the provider must put email and the role claim in it).
import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { oidcSettings } from "./config";

export const OIDC_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown> & { sub: string; email?: string; name?: string };

export function oidcProvider(): OAuthConfig<Claims> | null {
  const settings = oidcSettings();
  if (!settings) return null;
  return {
    id: OIDC_PROVIDER_ID,
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    client: { token_endpoint_auth_method: settings.clientSecret ? "client_secret_basic" : "none" },
    authorization: { params: { scope: settings.scope } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    profile(claims) {
      return {
        id: claims.sub,
        email: typeof claims.email === "string" ? claims.email : "",
        name: typeof claims.name === "string" ? claims.name : "",
        // Filled by the signIn callback once the staff row is known (lib/auth/options.ts).
        role: "viewer",
        sessionId: "",
      };
    },
  };
}
