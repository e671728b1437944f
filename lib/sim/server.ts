import { createHash, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

import { readJsonObject } from "./body";
import { handleControl } from "./control";
import {
  internalError,
  notFound,
  SimHttpError,
  statusError,
  tooManyRequests,
  unauthorized,
  badRequest,
} from "./errors";
import type { Fault } from "./faults";
import { errorResult, sendResult } from "./respond";
import { matchRoute } from "./router";
import type { SimResult } from "./route-types";
import type { SimRuntime } from "./runtime";

export interface SimServer {
  server: Server;
  /** Destroys every open socket (hanging ones included) and cancels pending latency timers. */
  shutdown(): void;
}

const digest = (value: string): Buffer => createHash("sha256").update(value).digest();

function isAuthorized(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), digest(apiKey));
}

export function createSimServer(runtime: SimRuntime, isControlEnabled: boolean): SimServer {
  const rate = runtime.rateLimit;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Applies an armed fault. Answers a result to send, "drop" when nothing must be sent, or null to go on. */
  async function applyFault(fault: Fault, req: IncomingMessage): Promise<SimResult | "drop" | null> {
    switch (fault.kind) {
      case "latency":
        await sleep(fault.ms ?? 1000);
        return null;
      case "rate_limit":
        return errorResult(tooManyRequests());
      case "server_error":
        return errorResult(statusError(fault.status ?? 500));
      case "reset":
        req.socket.destroy();
        return "drop";
      case "hang":
        return "drop";
      case "truncate":
        return null;
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const route = matchRoute(method, path);
    const decision = await rate.consume(req);
    const headers = { ...decision.headers, "x-request-id": randomUUID() };
    // Refused before anything else (counts, faults, auth): a refused request never reached the operation.
    if (decision.refusal) return sendResult(res, errorResult(decision.refusal), headers);
    if (!route) return sendResult(res, errorResult(notFound()), headers);
    runtime.counts[route.operationId] += 1;
    const fault = runtime.faults.take(route.operationId, url.searchParams);
    if (fault) {
      const outcome = await applyFault(fault, req);
      if (outcome === "drop") return;
      if (outcome) {
        const limited = fault.kind === "rate_limit";
        const sent = limited ? { ...rate.exhausted(headers), ...retryAfterHeader(fault) } : headers;
        return sendResult(res, outcome, sent);
      }
    }
    let result: SimResult;
    if (!isAuthorized(req, runtime.apiKey)) {
      result = errorResult(unauthorized());
    } else {
      result = await route.handler({
        store: runtime.store,
        id: route.id,
        query: url.searchParams,
        headers: req.headers,
        readJson: () => readJsonObject(req),
      });
    }
    return sendResult(res, result, headers, fault?.kind === "truncate");
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://simulator.invalid");
    } catch {
      throw badRequest("The request URL is not valid.");
    }
    const path = url.pathname;
    if (path === "/__sim" || path.startsWith("/__sim/")) {
      if (!isControlEnabled) throw notFound();
      return sendResult(res, await handleControl(req, path.slice("/__sim".length), runtime), {});
    }
    if (path !== "/v2" && !path.startsWith("/v2/")) throw notFound();
    return handleApi(req, res, path.slice("/v2".length) || "/", url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const known = error instanceof SimHttpError ? error : internalError();
      if (!(error instanceof SimHttpError)) console.error("[sim] unexpected error", error);
      // A body read may have been cut short; always drain so the client can read the answer.
      req.resume();
      void rate
        .peek(req)
        .then((headers) => sendResult(res, errorResult(known), { ...headers, ...known.headers }))
        .catch(() => res.destroy());
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    else socket.destroy();
  });

  return {
    server,
    shutdown() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
  };
}

function retryAfterHeader(fault: Fault): Record<string, string> {
  return fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
}
