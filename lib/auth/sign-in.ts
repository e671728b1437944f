// The credentials check behind next-auth, kept apart from next-auth so tests can drive it directly.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/db/audit";
import { createAuthSession } from "@/lib/db/auth-sessions";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connection";
import { recordSignInFailure } from "@/lib/db/sign-in-failure-audit";
import { consumeSignInAttempt } from "@/lib/db/sign-in-throttle";
import { findStaffByEmail, normalizeEmail, touchLastSignIn } from "@/lib/db/staff";
import { hasUnsafeCharacters } from "@/lib/schemas/common";
import { isEmbeddedMode } from "./auth-mode";
import { clientAddress } from "./client-address";
import { now } from "./clock";
import { isDemoEmail } from "./demo-staff";
import { trustedDeviceId } from "./device-cookie";
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import type { Role } from "./permissions";

export interface SignedInStaff {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

export type SignInResult =
  | { ok: true; person: SignedInStaff; requestId: string; isTrustedDevice: boolean }
  | { ok: false; errorCode: string; requestId: string; retryAfter?: number };

type HeaderBag = Record<string, string | string[] | undefined>;

const first = (headers: HeaderBag, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function requestFacts(headers: HeaderBag) {
  const incoming = first(headers, "x-request-id");
  return {
    clientIp: clientAddress(headers),
    userAgent: first(headers, "user-agent")?.slice(0, 300),
    requestId: incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID(),
  };
}

/**
 * Email + password → a new session, or why not. The attempt is counted before the password is looked at
 * (lib/db/sign-in-throttle.ts) and a throttled one never reaches it; unknown emails cost a full scrypt too,
 * so timing does not reveal who has an account.
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
  const deviceId = email ? trustedDeviceId(first(headers, "cookie"), email, at) : null;
  const ticket = await consumeSignInAttempt({ email, ip: facts.clientIp, deviceId }, database);
  const failure = async (errorCode: string, outcome: "failure" | "denied" = "failure", label = email) => {
    await recordSignInFailure({ email: label, errorCode, outcome, ...facts }, database);
    return { ok: false as const, errorCode, requestId: facts.requestId };
  };
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

  await ticket.release();
  const sessionId = await createAuthSession(
    { staffId: person.id, ip: facts.clientIp, userAgent: facts.userAgent, at },
    database,
  );
  await touchLastSignIn(person.id, at, database);
  const actor = { id: person.id, email: person.email, role: person.role };
  await recordAudit(
    {
      actor,
      action: "auth.login",
      targetType: "staff",
      targetId: person.id,
      targetLabel: person.email,
      outcome: "success",
      ...facts,
    },
    database,
  );
  const signedIn = { id: person.id, email: person.email, name: person.name, role: person.role, sessionId };
  return { ok: true, person: signedIn, requestId: facts.requestId, isTrustedDevice: deviceId !== null };
}

// next-auth's authorize() can only say "a person" or "no": the route handler learns the rest (throttled,
// with how long; a sign-in that deserves a device cookie) through this per-request slot.
const outcomes = new AsyncLocalStorage<{ result?: SignInResult }>();

export async function captureSignInResult<T>(run: () => Promise<T>): Promise<[T, SignInResult | undefined]> {
  const slot: { result?: SignInResult } = {};
  const value = await outcomes.run(slot, run);
  return [value, slot.result];
}

export async function signInWithPassword(
  credentials: { email?: unknown; password?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignedInStaff | null> {
  const result = await attemptSignIn(credentials, headers, db);
  const slot = outcomes.getStore();
  if (slot) slot.result = result;
  return result.ok ? result.person : null;
}
