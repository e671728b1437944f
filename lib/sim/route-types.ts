import type { IncomingHttpHeaders } from "node:http";

import type { SimStore } from "./store";

export interface RouteContext {
  store: SimStore;
  /** The decoded {id} path segment, "" for routes without one. */
  id: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  readJson: () => Promise<Record<string, unknown> | undefined>;
}

export type SimResult =
  | { kind: "json"; status: number; body: unknown }
  | { kind: "stream"; status: number; contentType: string; chunks: () => Iterable<string> };

export type Handler = (context: RouteContext) => SimResult | Promise<SimResult>;

export const json = (body: unknown, status = 200): SimResult => ({ kind: "json", status, body });
