import "server-only";
import { randomUUID } from "node:crypto";

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/;

/** Honour a sane upstream proxy's request id so one id follows a request across hops. */
export function resolveRequestId(request: Request): string {
  const incoming = request.headers.get("x-request-id");
  return incoming && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

export function clientIpOf(request: Request): string | undefined {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || undefined;
}

export function userAgentOf(request: Request): string | undefined {
  return request.headers.get("user-agent")?.slice(0, 300) ?? undefined;
}
