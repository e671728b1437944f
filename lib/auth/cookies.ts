// Cookie names and flags chosen on purpose (next-auth's defaults are a `__Secure-` name and loose flags).
// Over https every cookie is `__Host-`: Secure, path=/, no Domain, so a sibling subdomain cannot plant one.
// No "server-only" here: proxy.ts needs the same session cookie name for withAuth, and nothing here is secret.
import type { CookiesOptions } from "next-auth";

export function isHttpsDeployment(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return isHttpsDeployment() ? "__Host-subdesk.session" : "subdesk.session";
}

/** The device cookie (lib/auth/device-cookie.ts): who signed in from this browser before. */
export function deviceCookieName(): string {
  return isHttpsDeployment() ? "__Host-subdesk.device" : "subdesk.device";
}

export function authCookies(): Partial<CookiesOptions> {
  const secure = isHttpsDeployment();
  const prefix = secure ? "__Host-" : "";
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  const shortLived = { ...options, maxAge: 15 * 60 };
  return {
    sessionToken: { name: sessionCookieName(), options },
    callbackUrl: { name: `${prefix}subdesk.callback-url`, options },
    csrfToken: { name: `${prefix}subdesk.csrf-token`, options },
    pkceCodeVerifier: { name: `${prefix}subdesk.pkce`, options: shortLived },
    state: { name: `${prefix}subdesk.state`, options: shortLived },
    nonce: { name: `${prefix}subdesk.nonce`, options },
  };
}
