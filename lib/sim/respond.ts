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
    if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
  }
  if (!res.destroyed) res.end();
}
