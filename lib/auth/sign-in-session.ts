// What every way of signing in shares once the person is known: the request's facts for the audit row, and
// the session row (recording how the person authenticated, for step-up), last sign-in and the auth.login row.
import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/db/audit";
import { createAuthSession, type SessionAuthentication } from "@/lib/db/auth-sessions";
import type { Db } from "@/lib/db/connection";
import { touchLastSignIn } from "@/lib/db/staff";
import { clientAddress } from "./client-address";
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
  | { ok: false; errorCode: string; requestId: string; retryAfter?: number; challenge?: string };

export type HeaderBag = Record<string, string | string[] | undefined>;

export const firstHeader = (headers: HeaderBag, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export interface RequestFacts {
  clientIp: string;
  userAgent?: string;
  requestId: string;
}

export function requestFacts(headers: HeaderBag): RequestFacts {
  const incoming = firstHeader(headers, "x-request-id");
  return {
    clientIp: clientAddress(headers),
    userAgent: firstHeader(headers, "user-agent")?.slice(0, 300),
    requestId: incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID(),
  };
}

/** The session row, last sign-in and the auth.login audit row (its summary names the method). */
export async function openSignedInSession(
  person: { id: string; email: string; name: string; role: Role },
  input: {
    facts: RequestFacts;
    at: Date;
    authentication: SessionAuthentication;
    summary?: Record<string, unknown>;
  },
  database: Db,
): Promise<SignedInStaff> {
  const { facts, at, authentication } = input;
  const sessionId = await createAuthSession(
    { staffId: person.id, ip: facts.clientIp, userAgent: facts.userAgent, at, authentication },
    database,
  );
  await touchLastSignIn(person.id, at, database);
  await recordAudit(
    {
      actor: { id: person.id, email: person.email, role: person.role },
      action: "auth.login",
      targetType: "staff",
      targetId: person.id,
      targetLabel: person.email,
      requestSummary: { method: authentication.method, ...input.summary },
      outcome: "success",
      ...facts,
    },
    database,
  );
  return { id: person.id, email: person.email, name: person.name, role: person.role, sessionId };
}
