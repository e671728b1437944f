// POST /api/auth/step-up: the password (and the authenticator code when the person has MFA) once more. It
// counts against the same sign-in throttle as the sign-in form, and on success moves authenticated_at on
// the SAME session row forward: the cookie stays, only the row's proof is renewed.
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/api/errors";
import { clientIpOf } from "@/lib/api/request-context";
import { getDb } from "@/lib/db/client";
import { authSessions } from "@/lib/db/schema";
import { consumeSignInAttempt } from "@/lib/db/sign-in-throttle";
import { isMfaEnabled } from "@/lib/db/staff-mfa";
import { findStaffByEmail } from "@/lib/db/staff";
import type { StepUpBody } from "@/lib/schemas/step-up";
import { verifySecondFactor } from "./mfa/second-factor";
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from "./password";
import type { StaffSession } from "./session";

const WRONG = "The password or code is not right.";

export async function stepUpWithPassword(
  staff: StaffSession,
  body: StepUpBody,
  request: Request,
  at: Date,
): Promise<{ method: "password" | "password+totp" }> {
  const database = await getDb();
  const ticket = await consumeSignInAttempt({ email: staff.email, ip: clientIpOf(request) }, database);
  if (!ticket.allowed) {
    throw new AppError("rate_limited", "Too many attempts. Try again later.", {
      retryAfter: ticket.retryAfter,
    });
  }
  const person = await findStaffByEmail(staff.email, database);
  const passwordOk =
    body.password.length <= MAX_PASSWORD_LENGTH &&
    (await verifyPassword(body.password, person?.passwordHash ?? (await decoyHash())));
  if (!person || !passwordOk) {
    throw new AppError("validation_failed", WRONG, { fields: { password: WRONG } });
  }
  const hasMfa = await isMfaEnabled(person.id, database);
  if (hasMfa) {
    if (!body.code) {
      throw new AppError("validation_failed", "Enter the code from your authenticator app.", {
        fields: { code: "Enter the code from your authenticator app." },
      });
    }
    if (!(await verifySecondFactor(person.id, body.code, at, database))) {
      throw new AppError("validation_failed", WRONG, { fields: { code: WRONG } });
    }
  }
  await ticket.release();
  const method = hasMfa ? "password+totp" : "password";
  await database
    .update(authSessions)
    .set({ authenticatedAt: at, authMethod: method })
    .where(and(eq(authSessions.id, staff.sessionId), isNull(authSessions.revokedAt)));
  return { method };
}
