import "server-only";

type HeaderSource = { get(name: string): string | null } | undefined;

/**
 * How long Telnyx explicitly asks us to wait, in ms: the same headers the SDK reads (`retry-after-ms`, then
 * `retry-after` as seconds or an HTTP date). Drives whether we retry at all.
 */
export function retryAfterMs(headers: HeaderSource): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - Date.now());
  }
  return undefined;
}

/**
 * When the rate-limit window opens again, in ms: `x-ratelimit-reset` comes on every Telnyx answer, so it is
 * only a hint for the person (it can be most of a minute even when a quick retry would pass).
 */
export function windowResetMs(headers: HeaderSource): number | undefined {
  if (!headers) return undefined;
  const reset = Number.parseFloat(headers.get("x-ratelimit-reset") ?? "");
  // Documented as seconds to wait; an epoch timestamp (some gateways send one) is told apart by size.
  if (Number.isFinite(reset) && reset >= 1e9) return Math.max(0, reset * 1000 - Date.now());
  if (Number.isFinite(reset) && reset >= 0) return reset * 1000;
  return undefined;
}

/** Whole seconds for our envelope's `retryAfter`, at least 1 so a client never spins. */
export function retryAfterSeconds(headers: HeaderSource): number | undefined {
  const ms = retryAfterMs(headers) ?? windowResetMs(headers);
  return ms === undefined ? undefined : Math.max(1, Math.ceil(ms / 1000));
}
