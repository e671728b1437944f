// The list straight through the Telnyx SDK, as the console's lib/telnyx/sdk.ts builds its client and
// lib/telnyx/list-params.ts asks for the list's first page: the floor the benchmark measures the console
// against, and what plain-next/ (a bare Next.js route handler) calls. No autocannon here: the plain app
// bundles this file.
// eslint-disable-next-line no-restricted-imports -- the floor: the SDK straight to the simulator, without the console
import { Telnyx } from "telnyx";

export const LIST_PAGE_SIZE = 25;

export const directListParams = {
  filter: {},
  include_cancelled_accounts: false,
  "page[number]": 1,
  "page[size]": LIST_PAGE_SIZE,
  sort: "-created_at",
};

/** No OAuth fallback, no SDK retries, no logging: as the console's client. */
export function directClient(simUrl, simKey) {
  return new Telnyx({
    apiKey: simKey,
    baseURL: simUrl,
    maxRetries: 0,
    clientID: null,
    clientSecret: null,
    logLevel: "off",
  });
}
