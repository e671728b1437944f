// Start-up's part in single sign-on: check OIDC_* once (a bad role map stops the start, naming the entry),
// or in embedded mode without OIDC_ISSUER start the local provider and say how to sign in with it.
import "server-only";
import { randomBytes } from "node:crypto";
import { oidcSettingsFromEnv, registerOidcSettings } from "./config";
import { LOCAL_OIDC_IDENTITIES } from "./local-identities";

const CLOSE_KEY = Symbol.for("subdesk.localOidcClose");
type Registry = typeof globalThis & { [CLOSE_KEY]?: () => Promise<void> };

export async function startSingleSignOn(embedded: boolean): Promise<string | null> {
  const configured = oidcSettingsFromEnv(process.env);
  if (configured || !embedded) {
    registerOidcSettings(configured);
    return configured ? `Single sign-on through ${configured.issuer}` : null;
  }
  const { startLocalOidcProvider } = await import("./local-provider");
  const port = Number(process.env.SUBDESK_OIDC_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SUBDESK_OIDC_PORT must be a port number, got "${process.env.SUBDESK_OIDC_PORT}".`);
  }
  const password = process.env.DEMO_PASSWORD || randomBytes(9).toString("base64url");
  const local = await startLocalOidcProvider({ port, appUrl: process.env.NEXTAUTH_URL ?? "", password });
  registerOidcSettings(local.settings);
  (globalThis as Registry)[CLOSE_KEY] = local.close;
  const people = LOCAL_OIDC_IDENTITIES.map(
    (person) => `  ${person.groups.join(",").padEnd(20)} ${person.email.padEnd(26)} ${local.password}`,
  );
  return [
    `Single sign-on: "Sign in with SSO" uses the local identity provider at ${local.settings.issuer}`,
    `(groups map to roles: subdesk-admins → admin, subdesk-support → support, subdesk-viewers → viewer;`,
    ` subdesk-contractors maps to nothing, to see a refusal)`,
    ...people,
  ].join("\n");
}

export async function stopLocalOidcProvider(): Promise<void> {
  await (globalThis as Registry)[CLOSE_KEY]?.();
}
