// The client address for throttling and the audit trail, decided here and nowhere else.
//
// It is the TCP peer, unless SUBDESK_TRUSTED_PROXIES = N says N proxies of ours sit in front, each
// appending the address it saw to X-Forwarded-For: then it is the entry N from the right, the one our
// outermost proxy wrote. Anything a client writes itself (further left, or the whole header when no proxy
// is trusted) changes nothing. Route handlers cannot see the socket, and Next keeps a client-sent
// X-Forwarded-For, so `stampPeerAddresses()` (called from instrumentation.ts) writes the peer into a header
// of our own on every request the Node server receives, overwriting whatever a client sent under that name.
import "server-only";
import http from "node:http";
import { isIP } from "node:net";

export const PEER_HEADER = "x-subdesk-peer";

const STAMPED = Symbol.for("subdesk.peer-stamp");
type Stamped = typeof globalThis & { [STAMPED]?: boolean };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** A plain IP address (IPv4-mapped IPv6 shown as IPv4), or null for anything else. */
function address(value: string | undefined): string | null {
  const candidate = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return candidate && isIP(candidate) ? candidate : null;
}

export function trustedProxyCount(env: NodeJS.ProcessEnv = process.env): number {
  const count = Number(env.SUBDESK_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(count) && count > 0 ? Math.min(count, 10) : 0;
}

export function clientAddress(headers: HeaderSource): string {
  // Without the stamp in this process a client could have sent the header itself: trust nothing.
  const peer = (globalThis as Stamped)[STAMPED] ? address(header(headers, PEER_HEADER)) : null;
  const hops = trustedProxyCount();
  if (hops > 0) {
    const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",");
    const ours = forwarded.length >= hops ? address(forwarded[forwarded.length - hops]) : null;
    if (ours) return ours;
  }
  return peer ?? "unknown";
}

/**
 * Makes every Node HTTP server in this process (Next's, in `next start`) stamp the socket's peer address
 * on each request before any handler runs. Patched on the prototype, so a server created earlier is
 * covered too; idempotent.
 */
export function stampPeerAddresses(): void {
  const registry = globalThis as Stamped;
  if (registry[STAMPED]) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  registry[STAMPED] = true;
}
