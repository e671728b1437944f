// The 429 for a throttled sign-in. next-auth would answer a refused credentials sign-in like any wrong
// password; this answers first, in our error envelope, with Retry-After, before the password is looked at.
import "server-only";
import { toErrorEnvelope, AppError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/db/audit";
import { checkSignInThrottle } from "@/lib/db/sign-in-throttle";
import { normalizeEmail } from "@/lib/db/staff";
import { now } from "./clock";
import { requestFacts } from "./sign-in";

export async function refuseThrottledSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const rawEmail = form?.get("email");
  const email = typeof rawEmail === "string" ? normalizeEmail(rawEmail).slice(0, 320) : "";
  const facts = requestFacts(Object.fromEntries(request.headers));
  const verdict = await checkSignInThrottle(email, facts.clientIp, now());
  if (!verdict.limited) return null;

  await recordAudit({
    actor: null,
    action: "auth.login_failed",
    targetType: "staff",
    targetLabel: email,
    outcome: "denied",
    errorCode: "rate_limited",
    ...facts,
  });
  const minutes = Math.ceil(verdict.retryAfter / 60);
  const error = new AppError(
    "rate_limited",
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfter: verdict.retryAfter },
  );
  // next-auth's client reads `url` and takes its `error` parameter: the form shows when to retry from it.
  const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  const url = `${base}/login?error=${encodeURIComponent(`rate_limited:${verdict.retryAfter}`)}`;
  return Response.json(
    { ...toErrorEnvelope(error, facts.requestId), url },
    {
      status: 429,
      headers: {
        "Retry-After": String(verdict.retryAfter),
        "Cache-Control": "no-store",
        "X-Request-Id": facts.requestId,
      },
    },
  );
}
