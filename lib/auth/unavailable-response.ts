// The 503 for a sign-in the database could not serve. next-auth answers a failed authorize() like a wrong
// password (401, "do not match"); while the database is unreachable the person must read the truth instead.
import "server-only";
import { AppError, toErrorEnvelope } from "@/lib/api/errors";
import { resolveRequestId } from "@/lib/api/request-context";
import { DATABASE_UNAVAILABLE } from "./options";

const RETRY_AFTER_SECONDS = 5;

/** next-auth's 401 for an authorize() that threw DATABASE_UNAVAILABLE, replaced; null for any other answer. */
export async function unavailableSignInResponse(
  request: Request,
  answer: Response,
): Promise<Response | null> {
  if (answer.status !== 401) return null;
  const body = (await answer
    .clone()
    .json()
    .catch(() => null)) as { url?: unknown } | null;
  const url = typeof body?.url === "string" ? URL.parse(body.url) : null;
  if (url?.searchParams.get("error") !== DATABASE_UNAVAILABLE) return null;
  await answer.body?.cancel();
  const requestId = resolveRequestId(request);
  const error = new AppError("unavailable", "The console's database is unreachable. Try again in a moment.", {
    retryAfter: RETRY_AFTER_SECONDS,
  });
  // next-auth's client reads `url` and takes its `error` parameter: the form words it.
  const base = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  return Response.json(
    { ...toErrorEnvelope(error, requestId), url: `${base}/login?error=${DATABASE_UNAVAILABLE}` },
    {
      status: 503,
      headers: {
        "Retry-After": String(RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
        "X-Request-Id": requestId,
      },
    },
  );
}
