// The client address for throttling and the audit trail. Route handlers cannot see the socket: Next
// fills `x-forwarded-for` with the peer address unless the request already carried one, and a proxy in
// front appends the peer it saw. So the last entry is the hop nearest us, the one a client cannot forge
// when a proxy is in front; SUBDESK_TRUSTED_PROXIES says how many of our own hops to skip from the right.
// Served directly, a client may send its own header and Next keeps it: per-address counting is then
// advisory, and the per-email count is what stops guessing.
import "server-only";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function clientAddress(headers: HeaderSource): string {
  const forwarded = header(headers, "x-forwarded-for")
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded && forwarded.length > 0) {
    const skip = Math.max(0, Number(process.env.SUBDESK_TRUSTED_PROXIES ?? 0) || 0);
    const entry = forwarded[Math.max(0, forwarded.length - 1 - skip)] ?? "unknown";
    return entry.replace(/^::ffff:/, "").slice(0, 64);
  }
  return header(headers, "x-real-ip")?.trim().slice(0, 64) || "unknown";
}
