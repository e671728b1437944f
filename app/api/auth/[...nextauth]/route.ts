// /api/auth/*: next-auth's own route (the one handler not behind withRoute). A credentials sign-in that the
// throttle refused answers 429 with Retry-After in our envelope; a successful one also gets a device cookie.
import NextAuth from "next-auth";
import { deviceCookieHeader } from "@/lib/auth/device-cookie";
import { authOptions } from "@/lib/auth/options";
import { captureSignInResult } from "@/lib/auth/sign-in";
import { throttledSignInResponse } from "@/lib/auth/sign-in-throttle-response";
import { unavailableSignInResponse } from "@/lib/auth/unavailable-response";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const [response, result] = await captureSignInResult(() => handler(request, context) as Promise<Response>);
  if (result && !result.ok && result.retryAfter) {
    await response.body?.cancel();
    return throttledSignInResponse(request, result.retryAfter, result.requestId);
  }
  const unavailable = await unavailableSignInResponse(request, response);
  if (unavailable) return unavailable;
  const device =
    result?.ok && !result.isTrustedDevice ? deviceCookieHeader(result.person.email, new Date()) : null;
  if (!device) return response;
  const withDevice = new Response(response.body, response);
  withDevice.headers.append("Set-Cookie", device);
  return withDevice;
}

export { handler as GET };
