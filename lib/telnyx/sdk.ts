import "server-only";
import { Telnyx } from "telnyx";
import type { UpstreamSettings } from "./config";
import { observingFetch } from "./rate-budget";
import { upstreamState } from "./state";

/**
 * The one SDK instance for the process, rebuilt only when the settings change (tests re-point it).
 * `maxRetries: 0` on purpose: client.ts retries itself, because the SDK obeys any Retry-After without a cap,
 * keeps retrying past any deadline, and would retry a create (it sends no idempotency key).
 */
export function sdkClient(settings: UpstreamSettings): Telnyx {
  const state = upstreamState();
  if (state.client && state.clientSettings === settings) return state.client;
  state.client = new Telnyx({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // null, not undefined: undefined would make the SDK fall back to TELNYX_CLIENT_ID/SECRET and fetch an
    // OAuth token from api.telnyx.com whatever baseURL says.
    clientID: null,
    clientSecret: null,
    // Its debug level prints bodies with secrets; "off" also wins over a TELNYX_LOG left in the environment.
    logLevel: "off",
    // Every answer's x-ratelimit-* and 429 Retry-After feed the process's budget, which paces bulk jobs.
    fetch: observingFetch,
  });
  state.clientSettings = settings;
  return state.client;
}
