// What a failed sign-in tells the person. next-auth reports errors as a code in a URL parameter; a
// throttled attempt arrives as `rate_limited:<seconds>` (see lib/auth/sign-in-throttle-response.ts).

export function signInErrorMessage(code: string | null | undefined, status?: number): string | null {
  if (!code && (status === undefined || status < 400)) return null;
  const throttled = /^rate_limited(?::(\d+))?$/.exec(code ?? "");
  if (throttled || status === 429) {
    const seconds = Number(throttled?.[1] ?? 0);
    if (!seconds) return "Too many failed sign-ins. Wait a while before trying again.";
    const minutes = Math.ceil(seconds / 60);
    const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
    });
    return `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${at}).`;
  }
  if (code === "unavailable" || status === 503)
    return "The console cannot reach its database right now. Try again in a minute.";
  const spoken = spokenErrors[code ?? ""];
  if (spoken) return spoken;
  if (code === "CredentialsSignin" || status === 401)
    return "That email and password do not match an active account.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Sign-in failed. Please try again.";
}

/**
 * Only a path on this site: never let a crafted link send someone elsewhere after they sign in. An absolute
 * URL counts only when it names `origin` (the browser's own, or the server's NEXTAUTH_URL).
 */
export function safeCallbackPath(value: string | null | undefined, origin?: string): string {
  if (!value) return "/";
  const base = "http://placeholder.invalid";
  const own = origin ?? (typeof window === "undefined" ? undefined : window.location.origin);
  try {
    const url = new URL(value, base);
    const ownOrigin = own ? new URL(own).origin : undefined;
    if (url.origin !== base && url.origin !== ownOrigin) return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/login") ? path : "/";
  } catch {
    return "/";
  }
}

// Single sign-on refusals (lib/auth/oidc/sign-in.ts) and the MFA step's codes (lib/auth/mfa/code-sign-in.ts).
const spokenErrors: Record<string, string> = {
  sso_no_role:
    "Your identity provider account is in no group that maps to a Subdesk role. Ask your IT team to add you to a Subdesk group.",
  sso_no_staff: "There is no Subdesk staff account for your email. Ask a Subdesk admin to add you.",
  sso_no_email:
    "Your identity provider did not send a verified email address, so Subdesk cannot tell who you are.",
  sso_last_admin:
    "Your identity provider would make you no longer an admin, but you are Subdesk's last active admin. Ask another admin to take over first.",
  sso_not_configured: "Single sign-on is not set up on this console.",
  staff_disabled: "Your Subdesk staff account is disabled. Ask an admin to enable it.",
  demo_account_in_live_mode: "Demo accounts cannot sign in to a live console.",
  OAuthSignin: "Single sign-on could not start. Try again in a moment.",
  OAuthCallback: "Single sign-on did not complete. Try again.",
  Callback: "Single sign-on did not complete. Try again.",
  AccessDenied: "Single sign-on refused this sign-in.",
  invalid_code: "That code is not right, or it was already used. Enter the next code from your app.",
  mfa_challenge_expired: "That took too long. Sign in with your password again.",
  password_sign_in_off: "Password sign-in is switched off on this console. Use single sign-on.",
};
