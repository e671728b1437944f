// The credentials check behind next-auth, kept apart from next-auth so tests can drive it directly.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connection";
import { recordSignInFailure } from "@/lib/db/sign-in-failure-audit";
import { consumeSignInAttempt } from "@/lib/db/sign-in-throttle";
import { isMfaEnabled } from "@/lib/db/staff-mfa";
import { findStaffByEmail, normalizeEmail } from "@/lib/db/staff";
import { hasUnsafeCharacters } from "@/lib/schemas/common";
import { isEmbeddedMode } from "./auth-mode";
import { now } from "./clock";
import { isDemoEmail } from "./demo-staff";
import { trustedDeviceId } from "./device-cookie";
import { issueChallenge } from "./mfa/challenge";
import { attemptCodeSignIn } from "./mfa/code-sign-in";
import { isMfaRequiredFor } from "./mfa/policy";
import { isPasswordSignInEnabled } from "./oidc/config";
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import {
  firstHeader,
  openSignedInSession,
  requestFacts,
  type HeaderBag,
  type SignedInStaff,
  type SignInResult,
} from "./sign-in-session";

export type { SignedInStaff, SignInResult };

/**
 * Email + password → a new session, a TOTP challenge (MFA is on: no session yet), or why not. The attempt is
 * counted before the password is looked at (lib/db/sign-in-throttle.ts) and a throttled one never reaches
 * it; unknown emails cost a full scrypt too, so timing does not reveal who has an account.
 */
export async function attemptSignIn(
  credentials: { email?: unknown; password?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignInResult> {
  const database = db ?? (await getDb());
  const email = typeof credentials.email === "string" ? normalizeEmail(credentials.email).slice(0, 320) : "";
  const password = typeof credentials.password === "string" ? credentials.password : "";
  const facts = requestFacts(headers);
  const at = now();
  const failure = async (errorCode: string, outcome: "failure" | "denied" = "failure", label = email) => {
    await recordSignInFailure({ email: label, errorCode, outcome, ...facts }, database);
    return { ok: false as const, errorCode, requestId: facts.requestId };
  };
  // SUBDESK_PASSWORD_SIGNIN=off: refused here too, not only hidden from the form.
  if (!isPasswordSignInEnabled()) return failure("password_sign_in_off", "denied");
  const deviceId = email ? trustedDeviceId(firstHeader(headers, "cookie"), email, at) : null;
  const ticket = await consumeSignInAttempt({ email, ip: facts.clientIp, deviceId }, database);
  if (!ticket.allowed) {
    // Refused by the address's own limit: one row for the address, whatever emails it sprays.
    const refusal = await failure("rate_limited", "denied", ticket.limit === "perAddress" ? "" : email);
    return { ...refusal, retryAfter: ticket.retryAfter };
  }
  // No real email holds a control or invisible character (NUL cannot even be stored): a wrong password.
  if (!email || hasUnsafeCharacters(email) || !password || password.length > MAX_PASSWORD_LENGTH) {
    return failure("invalid_credentials");
  }

  const person = await findStaffByEmail(email, database);
  const passwordMatches = await verifyPassword(password, person?.passwordHash ?? (await decoyHash()));
  if (!person || !passwordMatches) return failure("invalid_credentials");
  // Demo people exist only for embedded mode; their passwords are printed, so live mode refuses them.
  if (isDemoEmail(person.email) && !isEmbeddedMode()) return failure("demo_account_in_live_mode");
  if (person.status !== "active") return failure("staff_disabled");

  // MFA on: the attempt's points stay spent until the code is right too (lib/auth/mfa/code-sign-in.ts).
  if (await isMfaEnabled(person.id, database)) {
    return {
      ok: false,
      errorCode: "mfa_required",
      requestId: facts.requestId,
      challenge: await issueChallenge(person.id, at),
    };
  }
  await ticket.release();
  const signedIn = await openSignedInSession(
    person,
    {
      facts,
      at,
      // Someone who must use MFA and has none yet gets a session that can only enrol (lib/api/with-route.ts).
      authentication: { method: "password", mfaEnrolmentRequired: isMfaRequiredFor(person.role) },
    },
    database,
  );
  return { ok: true, person: signedIn, requestId: facts.requestId, isTrustedDevice: deviceId !== null };
}

// next-auth's authorize() and signIn callback can only say "a person" or "no": the route handler learns the
// rest (throttled, with how long; a TOTP challenge to set; a sign-in that deserves a device cookie) through
// this per-request slot, which also hands the request's headers to the SSO callback (next-auth does not).
interface Slot {
  result?: SignInResult;
  headers: HeaderBag;
}
const outcomes = new AsyncLocalStorage<Slot>();

export async function captureSignInResult<T>(
  run: () => Promise<T>,
  headers: HeaderBag = {},
): Promise<[T, SignInResult | undefined]> {
  const slot: Slot = { headers };
  const value = await outcomes.run(slot, run);
  return [value, slot.result];
}

export function recordSignInResult(result: SignInResult): void {
  const slot = outcomes.getStore();
  if (slot) slot.result = result;
}

export function currentSignInHeaders(): HeaderBag {
  return outcomes.getStore()?.headers ?? {};
}

/** The password step, or (with `code` and no password) the code step of a password sign-in. */
export async function signInWithCredentials(
  credentials: { email?: unknown; password?: unknown; code?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignInResult> {
  const isCodeStep = typeof credentials.code === "string" && !credentials.password;
  const result = isCodeStep
    ? await attemptCodeSignIn({ code: credentials.code }, headers, db)
    : await attemptSignIn(credentials, headers, db);
  recordSignInResult(result);
  return result;
}

export async function signInWithPassword(
  credentials: { email?: unknown; password?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignedInStaff | null> {
  const result = await signInWithCredentials(credentials, headers, db);
  return result.ok ? result.person : null;
}
