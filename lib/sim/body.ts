import type { IncomingMessage } from "node:http";

import { badRequest, payloadTooLarge, unsupportedMediaType } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop draining and drop the connection: nobody sends a managed account this big. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** Reads the whole body (bounded). An oversized body is drained so the client can read our 413. */
export function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_DRAIN_BYTES) {
      req.socket.destroy();
      reject(payloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    req.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_DRAIN_BYTES) req.socket.destroy();
      else if (received <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () =>
      received > MAX_BODY_BYTES ? reject(payloadTooLarge()) : resolve(Buffer.concat(chunks)),
    );
    // A client that hangs up mid-body is not a server fault: answer (to nobody) a 400 rather than crash.
    req.on("error", () => reject(badRequest("The request body was cut short.")));
    req.on("close", () =>
      reject(received > MAX_BODY_BYTES ? payloadTooLarge() : badRequest("The request body was cut short.")),
    );
  });
}

/** undefined for an empty body; a parsed JSON object otherwise; 400/415 for anything else. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const raw = await readRawBody(req);
  if (raw.length === 0) return undefined;
  const type = req.headers["content-type"];
  if (type !== undefined && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) throw unsupportedMediaType();
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw badRequest("The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}
