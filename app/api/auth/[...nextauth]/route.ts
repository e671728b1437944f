// /api/auth/*: next-auth's own route (the one handler not behind withRoute). A credentials sign-in that the
// throttle refused answers 429 with Retry-After in our envelope; a successful one also gets a device cookie.
// A right password with MFA on sets the short-lived challenge cookie the code step reads; the code step
// (or any completed sign-in) clears it.
import NextAuth from "next-auth";
import { deviceCookieHeader } from "@/lib/auth/device-cookie";
import { challengeCookieHeader } from "@/lib/auth/mfa/challenge";
import { authOptions } from "@/lib/auth/options";
import { captureSignInResult, type SignInResult } from "@/lib/auth/sign-in";
import { throttledSignInResponse } from "@/lib/auth/sign-in-throttle-response";
import { unavailableSignInResponse } from "@/lib/auth/unavailable-response";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const headers = Object.fromEntries(request.headers);
  const [response, result] = await captureSignInResult(
    () => handler(request, context) as Promise<Response>,
    headers,
  );
  if (result && !result.ok && result.retryAfter) {
    await response.body?.cancel();
    return throttledSignInResponse(request, result.retryAfter, result.requestId);
  }
  const unavailable = await unavailableSignInResponse(request, response);
  if (unavailable) return unavailable;
  const cookies = extraCookies(result);
  if (cookies.length === 0) return response;
  const withCookies = new Response(response.body, response);
  for (const cookie of cookies) withCookies.headers.append("Set-Cookie", cookie);
  return withCookies;
}

function extraCookies(result: SignInResult | undefined): string[] {
  if (!result) return [];
  if (!result.ok) {
    if (result.challenge) return [challengeCookieHeader(result.challenge)];
    return result.errorCode === "mfa_challenge_expired" ? [challengeCookieHeader(null)] : [];
  }
  const device = result.isTrustedDevice ? null : deviceCookieHeader(result.person.email, new Date());
  return [challengeCookieHeader(null), ...(device ? [device] : [])];
}

export { handle as GET, handle as POST };
