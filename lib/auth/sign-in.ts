// The credentials check behind next-auth, kept apart from next-auth so tests can drive it directly.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/db/audit";
import { createAuthSession } from "@/lib/db/auth-sessions";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connection";
import { checkSignInThrottle, clearSignInFailures, recordSignInFailure } from "@/lib/db/sign-in-throttle";
import { findStaffByEmail, normalizeEmail, touchLastSignIn } from "@/lib/db/staff";
import { isEmbeddedMode } from "./auth-mode";
import { clientAddress } from "./client-address";
import { now } from "./clock";
import { isDemoEmail } from "./demo-staff";
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import type { Role } from "./permissions";

export interface SignedInStaff {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

type HeaderBag = Record<string, string | string[] | undefined>;

export function requestFacts(headers: HeaderBag) {
  const first = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const incoming = first("x-request-id");
  return {
    clientIp: clientAddress(headers),
    userAgent: first("user-agent")?.slice(0, 300),
    requestId: incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID(),
  };
}

/**
 * Email + password → a new session, or null. A throttled email or address is refused before any
 * password check; unknown emails cost a full scrypt too, so timing does not reveal who has an account.
 */
export async function signInWithPassword(
  credentials: { email?: unknown; password?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignedInStaff | null> {
  const database = db ?? (await getDb());
  const email = typeof credentials.email === "string" ? normalizeEmail(credentials.email).slice(0, 320) : "";
  const password = typeof credentials.password === "string" ? credentials.password : "";
  const facts = requestFacts(headers);
  const at = now();
  const failure = async (errorCode: string, outcome: "failure" | "denied" = "failure") => {
    if (errorCode !== "rate_limited") await recordSignInFailure(email, facts.clientIp, at, database);
    await recordAudit(
      {
        actor: null,
        action: "auth.login_failed",
        targetType: "staff",
        targetLabel: email,
        errorCode,
        outcome,
        ...facts,
      },
      database,
    );
    return null;
  };
  if (!email || !password || password.length > MAX_PASSWORD_LENGTH) return failure("invalid_credentials");

  const throttle = await checkSignInThrottle(email, facts.clientIp, at, database);
  if (throttle.limited) return failure("rate_limited", "denied");

  const person = await findStaffByEmail(email, database);
  const passwordMatches = await verifyPassword(password, person?.passwordHash ?? (await decoyHash()));
  if (!person || !passwordMatches) return failure("invalid_credentials");
  // Demo people exist only for embedded mode; their passwords are printed, so live mode refuses them.
  if (isDemoEmail(person.email) && !isEmbeddedMode()) return failure("demo_account_in_live_mode");
  if (person.status !== "active") return failure("staff_disabled");

  const sessionId = await createAuthSession(
    { staffId: person.id, ip: facts.clientIp, userAgent: facts.userAgent, at },
    database,
  );
  await touchLastSignIn(person.id, at, database);
  await clearSignInFailures(person.email, database);
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
  return { id: person.id, email: person.email, name: person.name, role: person.role, sessionId };
}
