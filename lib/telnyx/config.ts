import "server-only";

export type UpstreamMode = "embedded" | "live";

/** What lib/telnyx needs to reach Telnyx. Holds the key: never return it from this module or log it. */
export interface UpstreamSettings {
  mode: UpstreamMode;
  apiKey: string;
  baseURL: string;
  /** One budget per operation, retries and Retry-After waits included. */
  timeoutMs: number;
  /** Extra attempts for operations that are safe to repeat; create and remove never get any. */
  maxRetries: number;
}

export const defaultTimeoutMs = 8_000;
// A route handler that waits on Telnyx longer than this looks hung to the person at the console.
export const maxTimeoutMs = 10_000;
const minTimeoutMs = 100;
export const defaultMaxRetries = 2;
export const maxMaxRetries = 3;
export const liveBaseURL = "https://api.telnyx.com/v2";

// The SDK reads these by itself; each would change where or how it authenticates behind our back.
const refusedInLive = ["TELNYX_CLIENT_ID", "TELNYX_CLIENT_SECRET", "TELNYX_CUSTOM_HEADERS"] as const;

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new Error(`${name} must be a whole number, got "${raw}".`);
  }
  return Math.min(max, Math.max(min, value));
}

export function readTimeoutMs(env: Env = process.env): number {
  return readInteger(env, "TELNYX_TIMEOUT_MS", defaultTimeoutMs, minTimeoutMs, maxTimeoutMs);
}

export function readMaxRetries(env: Env = process.env): number {
  return readInteger(env, "TELNYX_MAX_RETRIES", defaultMaxRetries, 0, maxMaxRetries);
}

/** `live` as soon as a key is configured; otherwise the app runs its own simulator. */
export function resolveTelnyxMode(env: Env = process.env): UpstreamMode {
  return env.TELNYX_API_KEY?.trim() ? "live" : "embedded";
}

/** Live settings from the environment, refusing combinations that would send the key elsewhere. */
export function readLiveSettings(env: Env = process.env): UpstreamSettings {
  const apiKey = env.TELNYX_API_KEY?.trim();
  if (!apiKey) throw new Error("TELNYX_API_KEY is not set: live mode needs it.");
  const present = refusedInLive.filter((name) => env[name]?.trim());
  if (present.length > 0) {
    throw new Error(
      `${present.join(", ")} must not be set: the Telnyx SDK would use them to authenticate or add ` +
        "headers on its own (an OAuth token from api.telnyx.com whatever TELNYX_BASE_URL says). " +
        "Subdesk authenticates with TELNYX_API_KEY only.",
    );
  }
  const baseURL = (env.TELNYX_BASE_URL?.trim() || liveBaseURL).replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(baseURL);
  } catch {
    throw new Error(`TELNYX_BASE_URL is not a URL: "${baseURL}".`);
  }
  // The key travels in a header: plain http only to this machine (`npm run sim`), never across a network.
  const isLoopback = ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname);
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopback)) {
    throw new Error("TELNYX_BASE_URL must be https (plain http is allowed only for 127.0.0.1/localhost).");
  }
  return { mode: "live", apiKey, baseURL, timeoutMs: readTimeoutMs(env), maxRetries: readMaxRetries(env) };
}
