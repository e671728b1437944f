// The 429 for a throttled sign-in. next-auth would answer it like any wrong password; the route handler
// answers this instead, in our error envelope, with Retry-After (the attempt was refused before any
// password check, and its audit row is already written by lib/auth/sign-in.ts).
import "server-only";
import { AppError, toErrorEnvelope } from "@/lib/api/errors";

export function throttledSignInResponse(request: Request, retryAfter: number, requestId: string): Response {
  const minutes = Math.ceil(retryAfter / 60);
  const error = new AppError(
    "rate_limited",
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfter },
  );
  // next-auth's client reads `url` and takes its `error` parameter: the form shows when to retry from it.
  const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  const url = `${base}/login?error=${encodeURIComponent(`rate_limited:${retryAfter}`)}`;
  return Response.json(
    { ...toErrorEnvelope(error, requestId), url },
    {
      status: 429,
      headers: { "Retry-After": String(retryAfter), "Cache-Control": "no-store", "X-Request-Id": requestId },
    },
  );
}
