// The second step of a password sign-in with MFA on: the challenge cookie from the password step names the
// person, and a TOTP code (each step once) or an unused recovery code completes the sign-in. Throttled by
// the same counters as passwords, so a stolen password cannot be followed by a million code guesses.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/connection";
import { recordSignInFailure } from "@/lib/db/sign-in-failure-audit";
import { consumeSignInAttempt } from "@/lib/db/sign-in-throttle";
import { findStaffById } from "@/lib/db/staff";
import { now } from "@/lib/auth/clock";
import { trustedDeviceId } from "@/lib/auth/device-cookie";
import {
  firstHeader,
  openSignedInSession,
  requestFacts,
  type HeaderBag,
  type SignInResult,
} from "@/lib/auth/sign-in-session";
import { challengeFromCookieHeader, isChallengeSpent, readChallenge } from "./challenge";
import { verifySecondFactor } from "./second-factor";

const MAX_CODE_LENGTH = 40;

export async function attemptCodeSignIn(
  input: { code?: unknown },
  headers: HeaderBag,
  db?: Db,
): Promise<SignInResult> {
  const database = db ?? (await getDb());
  const facts = requestFacts(headers);
  const at = now();
  const cookie = firstHeader(headers, "cookie");
  const failure = async (errorCode: string, email: string, outcome: "failure" | "denied" = "failure") => {
    await recordSignInFailure({ email, errorCode, outcome, ...facts }, database);
    return { ok: false as const, errorCode, requestId: facts.requestId };
  };
  const challenge = await readChallenge(challengeFromCookieHeader(cookie));
  const person = challenge ? await findStaffById(challenge.staffId, database) : null;
  if (!challenge || !person) return failure("mfa_challenge_expired", "");
  // A copy of a challenge that already completed a sign-in (two requests racing with two fresh codes may
  // both pass this read; each still needed its own valid, unused code).
  if (isChallengeSpent(challenge, person.lastSignInAt)) return failure("mfa_challenge_expired", person.email);
  if (person.status !== "active") return failure("staff_disabled", person.email);

  const deviceId = trustedDeviceId(cookie, person.email, at);
  const ticket = await consumeSignInAttempt({ email: person.email, ip: facts.clientIp, deviceId }, database);
  if (!ticket.allowed) {
    const refusal = await failure("rate_limited", person.email, "denied");
    return { ...refusal, retryAfter: ticket.retryAfter };
  }
  const code = typeof input.code === "string" ? input.code.trim().slice(0, MAX_CODE_LENGTH) : "";
  // The test clock (embedded mode only) lets the tests play a later time step without waiting 30 s.
  const factor = code ? await verifySecondFactor(person.id, code, now(headers), database) : null;
  if (!factor) return failure("invalid_code", person.email);

  await ticket.release();
  const signedIn = await openSignedInSession(
    person,
    { facts, at, authentication: { method: "password+totp" }, summary: { secondFactor: factor } },
    database,
  );
  return { ok: true, person: signedIn, requestId: facts.requestId, isTrustedDevice: deviceId !== null };
}
