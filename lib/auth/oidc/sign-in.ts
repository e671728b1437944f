// A person back from the identity provider → a session, exactly like a password sign-in's (same row,
// idle and absolute limits, revocation, audit), or a refusal the login page words. The role comes from the
// role claim through OIDC_ROLE_MAP and is written to the staff row: the row is what every request's
// session check reads, so the role the provider gives is the role in force, and the staff page shows it.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/api/errors";
import { isEmbeddedMode } from "@/lib/auth/auth-mode";
import { now } from "@/lib/auth/clock";
import { isDemoEmail } from "@/lib/auth/demo-staff";
import type { Role } from "@/lib/auth/permissions";
import {
  openSignedInSession,
  requestFacts,
  type HeaderBag,
  type SignInResult,
} from "@/lib/auth/sign-in-session";
import { recordAudit } from "@/lib/db/audit";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connection";
import { recordSignInFailure } from "@/lib/db/sign-in-failure-audit";
import { findStaffByEmail, insertStaff, normalizeEmail, updateStaffRole } from "@/lib/db/staff";
import { hasUnsafeCharacters } from "@/lib/schemas/common";
import { oidcSettings, roleFromClaim } from "./config";

/** A stored hash no password can match: people created by single sign-on have no password. */
const NO_PASSWORD = "sso-only$no-password";

export type OidcClaims = Record<string, unknown>;

export async function signInWithOidc(claims: OidcClaims, headers: HeaderBag, db?: Db): Promise<SignInResult> {
  const database = db ?? (await getDb());
  const facts = requestFacts(headers);
  const at = now();
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email).slice(0, 320) : "";
  const failure = async (errorCode: string) => {
    await recordSignInFailure({ email, errorCode, outcome: "denied", ...facts }, database);
    return { ok: false as const, errorCode, requestId: facts.requestId };
  };
  const settings = oidcSettings();
  if (!settings) return failure("sso_not_configured");
  // An email the provider says it has not verified is refused (false, or "false" as some providers send it);
  // a provider that sends no email_verified at all (Entra ID) is trusted for the emails it issues.
  const isUnverified = claims.email_verified === false || claims.email_verified === "false";
  if (!email || hasUnsafeCharacters(email) || isUnverified) return failure("sso_no_email");
  const role = roleFromClaim(claims[settings.roleClaim], settings.roleMap);
  if (!role) return failure("sso_no_role");
  if (isDemoEmail(email) && !isEmbeddedMode()) return failure("demo_account_in_live_mode");

  let person = await findStaffByEmail(email, database);
  if (!person) {
    if (!settings.autoProvision) return failure("sso_no_staff");
    person = { ...(await provision(email, nameOf(claims, email), role, facts, database)), passwordHash: "" };
  }
  if (person.status !== "active") return failure("staff_disabled");
  if (person.role !== role) {
    const synced = await syncRole(person, role, facts, database);
    if (!synced) return failure("sso_last_admin");
    person = { ...person, role };
  }
  const authTime = typeof claims.auth_time === "number" ? new Date(claims.auth_time * 1000) : null;
  const signedIn = await openSignedInSession(
    person,
    { facts, at, authentication: { method: "oidc", authTime }, summary: { issuer: settings.issuer } },
    database,
  );
  return { ok: true, person: signedIn, requestId: facts.requestId, isTrustedDevice: true };
}

function nameOf(claims: OidcClaims, email: string): string {
  const name = typeof claims.name === "string" ? claims.name.trim().slice(0, 120) : "";
  return name && !hasUnsafeCharacters(name) ? name : (email.split("@")[0] ?? email);
}

async function provision(
  email: string,
  name: string,
  role: Role,
  facts: ReturnType<typeof requestFacts>,
  database: Db,
) {
  const id = randomUUID();
  const created = await insertStaff({ id, email, name, role, passwordHash: NO_PASSWORD }, database);
  await recordAudit(
    {
      actor: null,
      action: "staff.create",
      targetType: "staff",
      targetId: created.id,
      targetLabel: created.email,
      requestSummary: { email, name, role, source: "sso" },
      outcome: "success",
      ...facts,
    },
    database,
  );
  return created;
}

/** The provider's role wins; refused (false) only when it would demote the last active admin. */
async function syncRole(
  person: { id: string; email: string; role: Role },
  role: Role,
  facts: ReturnType<typeof requestFacts>,
  database: Db,
): Promise<boolean> {
  try {
    await updateStaffRole(person.id, role, database);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return false;
    throw error;
  }
  await recordAudit(
    {
      actor: { id: person.id, email: person.email, role },
      action: "staff.role.update",
      targetType: "staff",
      targetId: person.id,
      targetLabel: person.email,
      requestSummary: { role, previousRole: person.role, source: "sso" },
      outcome: "success",
      ...facts,
    },
    database,
  );
  return true;
}
