// Single sign-on settings: from OIDC_* in live mode, or registered at start by the embedded local provider
// (lib/auth/oidc/local-provider.ts). Kept on globalThis: Next loads this module once per bundle, and the
// provider's port is only known after start-up has bound it.
import "server-only";
import { roles, type Role } from "@/lib/auth/permissions";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes asked for (the role claim may need its own scope, e.g. `groups`). */
  scope: string;
  roleClaim: string;
  roleMap: ReadonlyMap<string, Role>;
  autoProvision: boolean;
  /** "local" for the embedded provider, which the login page and the start-up log describe as such. */
  source: "env" | "local";
}

const SETTINGS_KEY = Symbol.for("subdesk.oidcSettings");
type Registry = typeof globalThis & { [SETTINGS_KEY]?: OidcSettings | null };

export function registerOidcSettings(settings: OidcSettings | null): void {
  (globalThis as Registry)[SETTINGS_KEY] = settings;
}

/** The settings in force: registered ones (embedded provider) first, else OIDC_* when OIDC_ISSUER is set. */
export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings | null {
  const registered = (globalThis as Registry)[SETTINGS_KEY];
  if (registered !== undefined) return registered;
  return oidcSettingsFromEnv(env);
}

export function oidcSettingsFromEnv(env: Record<string, string | undefined>): OidcSettings | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error("OIDC_ISSUER is set: OIDC_CLIENT_ID is needed too.");
  return {
    issuer: issuer.replace(/\/+$/, ""),
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET ?? "",
    scope: env.OIDC_SCOPE?.trim() || "openid email profile",
    roleClaim: env.OIDC_ROLE_CLAIM?.trim() || "groups",
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP ?? ""),
    autoProvision: env.OIDC_AUTO_PROVISION === "1",
    source: "env",
  };
}

/**
 * `subdesk-admins=admin,subdesk-support=support` → group → role. A malformed entry or an unknown role
 * stops start-up with the entry named: a typo must not quietly leave everyone without access (or with more).
 */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const group = entry.slice(0, Math.max(at, 0)).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !group) throw new Error(`OIDC_ROLE_MAP: "${entry}" is not group=role.`);
    if (!(roles as readonly string[]).includes(role)) {
      throw new Error(`OIDC_ROLE_MAP: "${role}" in "${entry}" is not one of ${roles.join(", ")}.`);
    }
    map.set(group, role as Role);
  }
  return map;
}

const rank: Record<Role, number> = { admin: 3, support: 2, viewer: 1 };

/** The strongest role any of the person's claim values maps to, or null when none is mapped. */
export function roleFromClaim(claim: unknown, roleMap: ReadonlyMap<string, Role>): Role | null {
  const values = Array.isArray(claim) ? claim : typeof claim === "string" ? claim.split(/[\s,]+/) : [];
  let best: Role | null = null;
  for (const value of values) {
    const role = typeof value === "string" ? roleMap.get(value) : undefined;
    if (role && (!best || rank[role] > rank[best])) best = role;
  }
  return best;
}

/** SUBDESK_PASSWORD_SIGNIN=off leaves single sign-on as the only way in. */
export function isPasswordSignInEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.SUBDESK_PASSWORD_SIGNIN?.trim().toLowerCase() !== "off";
}
