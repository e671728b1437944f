// The clock session expiry reads. Tests prove 30-minute idle and 12-hour absolute expiry by moving it
// forward; that is possible only in embedded mode, never in live mode (or when the mode is unknown).
//  - SUBDESK_TEST_CLOCK_OFFSET_MS: a fixed offset for the whole process.
//  - `x-test-clock-offset-ms` request header: per request, only when SUBDESK_TEST_CLOCK=1 as well.
// Offsets are forward-only: they can end a session early, never revive an expired one.
import "server-only";
import { isEmbeddedMode } from "./auth-mode";

export const TEST_CLOCK_HEADER = "x-test-clock-offset-ms";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function forwardOffset(text: string | undefined): number {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export function clockOffsetMs(headers?: HeaderSource): number {
  if (!isEmbeddedMode()) return 0;
  let offset = forwardOffset(process.env.SUBDESK_TEST_CLOCK_OFFSET_MS);
  if (process.env.SUBDESK_TEST_CLOCK === "1") offset += forwardOffset(readHeader(headers, TEST_CLOCK_HEADER));
  return offset;
}

export function now(headers?: HeaderSource): Date {
  return new Date(Date.now() + clockOffsetMs(headers));
}
