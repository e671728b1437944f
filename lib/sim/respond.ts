import { once } from "node:events";
import type { ServerResponse } from "node:http";

import { errorBody, type SimHttpError } from "./errors";
import type { SimResult } from "./route-types";

export const errorResult = (error: SimHttpError): SimResult => ({
  kind: "json",
  status: error.status,
  body: errorBody(error.errors),
});

/**
 * Writes one answer. With `truncate`, the headers promise more bytes than are sent and the socket is
 * dropped mid-body: what a client sees when a proxy dies halfway through.
 */
export async function sendResult(
  res: ServerResponse,
  result: SimResult,
  headers: Record<string, string>,
  truncate = false,
): Promise<void> {
  if (res.destroyed || res.headersSent) return;
  if (result.kind === "json") {
    const payload = Buffer.from(JSON.stringify(result.body));
    res.writeHead(result.status, {
      ...headers,
      "content-type": "application/json; charset=utf-8",
      "content-length": String(payload.length),
    });
    if (truncate) {
      res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(payload);
    return;
  }
  res.writeHead(result.status, {
    ...headers,
    "content-type": result.contentType,
    ...(truncate ? { "content-length": String(1024 * 1024 * 1024) } : {}),
  });
  for (const chunk of result.chunks()) {
    if (res.destroyed) return;
    if (truncate) {
      res.write(chunk, () => res.socket?.destroy());
      return;
    }
    // Respect backpressure so a 50,000-row report never sits in memory as one string.
    if (!res.write(chunk)) await drainOrClose(res);
    // The embedded simulator shares its process with the console: yield between chunks so a long report
    // never starves the console's own requests (including the one streaming this report on).
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (!res.destroyed) res.end();
}

/** Waits for `drain` or `close`, then removes both listeners (a report writes thousands of chunks). */
async function drainOrClose(res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  // The loser rejects with an AbortError once we abort; that rejection is expected and ignored.
  const wait = (event: string) => once(res, event, { signal: controller.signal }).catch(() => undefined);
  try {
    await Promise.race([wait("drain"), wait("close")]);
  } finally {
    controller.abort();
  }
}
