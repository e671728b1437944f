import { NextResponse, type NextRequest } from "next/server";
import { allowedMethods, refusedMethodHeader } from "@/lib/api/allowed-methods";
import { AppError, toErrorEnvelope } from "@/lib/api/errors";

// A convenience only: pages and handlers check the session themselves. This adds the per-request CSP
// nonce and sends a visitor with no session cookie straight to the sign-in page.

const sessionCookieNames = ["subdesk.session", "__Host-subdesk.session"];
// The icons too: the sign-in page shows them before anyone has a session.
const publicPaths = ["/login", "/api/", "/favicon.ico", "/icon.svg", "/apple-icon.png"];

function contentSecurityPolicy(nonce: string): string {
  const isDev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Radix and Next inject style attributes at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * A method the path does not take answers 405 with Allow (Next would render a page for PUT or PROPFIND, and
 * its route handlers' 405 has no Allow); OPTIONS on a page answers 204 with Allow. TRACE arrives as
 * OPTIONS with the header next.config.js sets, since Next cannot build a request for it.
 */
function refuseMethod(request: NextRequest): NextResponse | undefined {
  const { pathname } = request.nextUrl;
  const allowed = allowedMethods(pathname);
  if (!allowed) return undefined;
  const method = request.headers.get(refusedMethodHeader) ?? request.method;
  const headers = { Allow: allowed.join(", "), "Cache-Control": "no-store" };
  if (allowed.includes(method)) {
    const isPageOptions = method === "OPTIONS" && !pathname.startsWith("/api/");
    return isPageOptions ? new NextResponse(null, { status: 204, headers }) : undefined;
  }
  if (!pathname.startsWith("/api/")) {
    return new NextResponse("Method Not Allowed", { status: 405, headers });
  }
  const error = new AppError("method_not_allowed", `This address does not take ${method} requests.`);
  return NextResponse.json(toErrorEnvelope(error, crypto.randomUUID()), { status: 405, headers });
}

export function proxy(request: NextRequest) {
  const refusal = refuseMethod(request);
  if (refusal) return refusal;
  const { pathname, search } = request.nextUrl;
  const hasSessionCookie = sessionCookieNames.some((name) => request.cookies.has(name));
  if (!hasSessionCookie && !publicPaths.some((path) => pathname.startsWith(path))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  // Route handlers render no script: only pages read the nonce, so an API request's headers are not copied.
  if (pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    { source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" },
    // An API read whose route takes it is marked where the server receives it
    // (lib/api/allowed-methods.ts): here there is nothing to do for it but cost time.
    { source: "/api/:path*", missing: [{ type: "header", key: "x-subdesk-method-allowed" }] },
  ],
};
