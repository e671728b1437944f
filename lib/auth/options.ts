// next-auth v4 configuration: credentials against the staff table, a signed JWT cookie that only names a
// server-side session row, 12-hour lifetime, deliberate cookie names.
import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { recordAudit } from "@/lib/db/audit";
import { checkAuthSession, revokeAuthSession } from "@/lib/db/auth-sessions";
import { isDatabaseUnavailable } from "@/lib/db/connection";
import { errorFields, log } from "@/lib/log";
import { now } from "./clock";
import { authCookies, isHttpsDeployment } from "./cookies";
import { isPasswordSignInEnabled } from "./oidc/config";
import { OIDC_PROVIDER_ID, oidcProvider } from "./oidc/provider";
import { signInWithOidc } from "./oidc/sign-in";
import { currentSignInHeaders, recordSignInResult, signInWithCredentials } from "./sign-in";
import { revokeReplacedSession } from "./step-up-sso";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** The sign-in error code for "the database cannot be reached" (the login form words it). */
export const DATABASE_UNAVAILABLE = "unavailable";

export function buildAuthOptions(): NextAuthOptions {
  return {
    // The secret is read from NEXTAUTH_SECRET at request time, after start-up has resolved it.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: isHttpsDeployment(),
    cookies: authCookies(),
    pages: { signIn: "/login", error: "/login" },
    // Read per request (next-auth parses them on each one): the embedded provider registers its settings at
    // start, after this module has loaded.
    get providers() {
      return signInProviders();
    },
    callbacks: {
      // next-auth's default parses a posted callbackUrl with `new URL` and no base, which throws (a 500)
      // on input like `\\evil.com`: here only a path ("/x", not "//x" or "/\\x") or an absolute URL of
      // this site is followed; anything else becomes "/".
      redirect({ url, baseUrl }) {
        const home = new URL("/", baseUrl);
        try {
          const isPath = /^\/(?![/\\])/.test(url);
          const target = new URL(url, isPath ? home : undefined);
          if (target.origin === home.origin) return target.toString();
        } catch {
          // Not a URL at all: home.
        }
        return home.toString();
      },
      // Single sign-on: the claims decide (role map, staff row) and the session row is made here; a refusal
      // goes back to the login page with a code it words (components/auth/sign-in-error.ts).
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const result = await signInWithOidc({ ...profile }, currentSignInHeaders());
        recordSignInResult(result);
        if (!result.ok) return `/login?error=${encodeURIComponent(result.errorCode)}`;
        // A step-up through the provider replaces the session it came from (lib/auth/step-up-sso.ts).
        await revokeReplacedSession(currentSignInHeaders(), result.person);
        // next-auth hands this same object to jwt() below (no adapter: the user is the profile).
        Object.assign(user, result.person);
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          return { ...token, sid: user.sessionId, staffId: user.id, role: user.role };
        }
        // next-auth's own session endpoint: a revoked, expired or disabled session ends here too, which
        // makes next-auth clear the cookie. Route handlers check again (and touch) in getCurrentStaff.
        if (!token.sid || !token.staffId) throw new Error("session_ended");
        const check = await checkAuthSession({ sessionId: token.sid, staffId: token.staffId }, now()).catch(
          (error: unknown) => {
            // An outage must not sign everyone out (next-auth clears the cookie of any session it cannot
            // confirm): keep the token; every handler checks again and answers 503 until the database returns.
            if (isDatabaseUnavailable(error)) return null;
            throw error;
          },
        );
        if (!check) return token;
        if (!check.ok) throw new Error("session_ended");
        return { ...token, role: check.session.role, name: check.session.name };
      },
      async session({ session, token }) {
        session.user = {
          id: token.staffId ?? "",
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role ?? "viewer",
        };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sid) return;
        await revokeAuthSession(token.sid);
        if (token.staffId && token.email && token.role) {
          await recordAudit({
            actor: { id: token.staffId, email: token.email, role: token.role },
            action: "auth.logout",
            targetType: "staff",
            targetId: token.staffId,
            targetLabel: token.email,
            outcome: "success",
            requestId: randomUUID(),
          });
        }
      },
    },
    logger: {
      // An ended session is routine (sign-out, idle timeout, disabled person), not an error to page on.
      // Through our log: a message may quote request input, and no raw control byte reaches the log.
      error(code, metadata) {
        if (code === "JWT_SESSION_ERROR") return;
        const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error;
        log.error("next-auth error", {
          code,
          ...(error instanceof Error ? { error: errorFields(error).error } : {}),
        });
      },
      warn(code) {
        log.warn("next-auth warning", { code });
      },
      debug() {},
    },
  };
}

// Codes the login form words itself (the code step, an expired challenge, password sign-in switched off);
// any other refusal reads as next-auth's plain "do not match".
const spokenCodes = new Set([
  "mfa_required",
  "invalid_code",
  "mfa_challenge_expired",
  "password_sign_in_off",
]);

function signInProviders(): Provider[] {
  const providers: Provider[] = [];
  if (isPasswordSignInEnabled()) {
    providers.push(
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Authentication code", type: "text" },
        },
        async authorize(credentials, request) {
          const result = await signInWithCredentials(credentials ?? {}, request?.headers ?? {}).catch(
            (error: unknown) => {
              // next-auth puts a thrown message into the answer's URL: a code, never the failed SQL. The
              // route handler turns this code into a 503 (app/api/auth/[...nextauth]/route.ts).
              if (isDatabaseUnavailable(error)) throw new Error(DATABASE_UNAVAILABLE);
              throw error;
            },
          );
          if (result.ok) return { ...result.person, id: result.person.id };
          if (spokenCodes.has(result.errorCode)) throw new Error(result.errorCode);
          return null;
        },
      }),
    );
  }
  const sso = oidcProvider();
  if (sso) providers.push(sso);
  return providers;
}

export const authOptions: NextAuthOptions = buildAuthOptions();
