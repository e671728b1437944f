// /api/auth/*: next-auth's own route (the one handler not behind withRoute). Credential sign-in POSTs are
// checked against the throttle first, so a refused attempt answers 429 with Retry-After in our envelope.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in-throttle-response";

export const dynamic = "force-dynamic";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const refusal = await refuseThrottledSignIn(request);
  return refusal ?? handler(request, context);
}

export { handler as GET };
