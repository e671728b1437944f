import "server-only";
import { randomUUID } from "node:crypto";
import { clientAddress } from "@/lib/auth/client-address";

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Honour a sane upstream proxy's request id so one id follows a request across hops. */
export function resolveRequestId(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

/** The same address the sign-in throttle counts, so the audit trail and the throttle agree. */
export function clientIpOf(request: Request): string {
  return clientAddress(request.headers);
}

export function userAgentOf(request: Request): string | undefined {
  return request.headers.get("user-agent")?.slice(0, 300) ?? undefined;
}
