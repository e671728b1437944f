// Embedded mode's identity provider: a real OpenID Provider (panva's oidc-provider, OpenID-certified) on its
// own port, so "Sign in with SSO" works after `npm start` and the tests drive the same code as production
// does against a company's provider. Authorization code flow only, PKCE (S256) required, one confidential
// client, the seeded people of local-identities.ts, and no consent screen (a first-party client).
import "server-only";
import { generateKeyPairSync, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseRoleMap, type OidcSettings } from "./config";
import { LOCAL_OIDC_IDENTITIES, LOCAL_OIDC_ROLE_MAP } from "./local-identities";
import { localLoginPage } from "./local-login-page";

export interface LocalOidcProvider {
  settings: OidcSettings;
  password: string;
  close(): Promise<void>;
}

const CLIENT_ID = "subdesk-local";
const SCOPE = "openid email profile groups";

const samePassword = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export async function startLocalOidcProvider(options: {
  port: number;
  appUrl: string;
  password: string;
}): Promise<LocalOidcProvider> {
  // Imported here so live mode (and the bundle of every page) never loads it.
  const { default: Provider } = await import("oidc-provider");
  // The library's own in-memory store, named as ours: embedded mode's sign-ins need not survive a restart,
  // and the library's "you MUST change it" warning (for a production provider) would only alarm.
  const { default: MemoryAdapter } = await import("oidc-provider/lib/adapters/memory_adapter.js");
  class EmbeddedAdapter extends MemoryAdapter {}
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl.replace(/\/+$/, "")}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        require_auth_time: true,
      },
    ],
    adapter: EmbeddedAdapter,
    jwks: { keys: [{ ...signingKey, use: "sig", alg: "RS256" }] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { methods: ["S256"], required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // The ID token carries email and groups: next-auth reads the profile from it alone (idToken: true).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_context, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_context, id) {
      const person = LOCAL_OIDC_IDENTITIES.find((identity) => identity.sub === id);
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: person.email,
            email_verified: true,
            name: person.name,
            groups: [...person.groups],
          };
        },
      };
    },
    // A first-party client: the scopes are granted without asking (oidc-provider's documented recipe).
    async loadExistingGrant(context) {
      const { client, session } = context.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = context.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      if (grantId) return context.oidc.provider.Grant.find(grantId);
      const grant = new context.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(SCOPE);
      await grant.save();
      return grant;
    },
  });

  const providerCallback = provider.callback();
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    if (!request.url?.startsWith("/interaction/")) return void providerCallback(request, response);
    handleInteraction(provider, request, response, options.password).catch(() => {
      if (!response.headersSent) response.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      response.end("This sign-in has expired. Go back to Subdesk and start again.");
    });
  });

  return {
    settings: {
      issuer,
      clientId: CLIENT_ID,
      clientSecret,
      scope: SCOPE,
      roleClaim: "groups",
      roleMap: parseRoleMap(LOCAL_OIDC_ROLE_MAP),
      autoProvision: false,
      source: "local",
    },
    password: options.password,
    close: () => closeServer(server),
  };
}

type ProviderInstance = InstanceType<typeof import("oidc-provider").default>;

async function handleInteraction(
  provider: ProviderInstance,
  request: IncomingMessage,
  response: ServerResponse,
  password: string,
): Promise<void> {
  const details = await provider.interactionDetails(request, response);
  const action = `/interaction/${details.uid}`;
  const page = (status: number, html: string) => {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(html);
  };
  if (request.method !== "POST") return page(200, localLoginPage({ action }));
  const form = new URLSearchParams(await readBody(request));
  const email = (form.get("email") ?? "").trim().toLowerCase();
  const person = LOCAL_OIDC_IDENTITIES.find((identity) => identity.email === email);
  if (!person || !samePassword(form.get("password") ?? "", password)) {
    return page(401, localLoginPage({ action, email, error: "That email and password do not match." }));
  }
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId: person.sub } },
    { mergeWithLastSubmission: false },
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 4096) throw new Error("Form too large.");
  }
  return body;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
