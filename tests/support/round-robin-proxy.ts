import http from "node:http";
import type { AddressInfo } from "node:net";

// A load balancer in miniature for the multi-instance test: each request goes to the next backend in
// turn, and, as a real one does, the proxy appends the peer it saw to X-Forwarded-For (so the console
// runs with SUBDESK_TRUSTED_PROXIES=1) and keeps the Host header, which the same-origin check compares
// the Origin with.

export interface RoundRobinProxy {
  url: string;
  /** Which backend (its base URL) served each request, in order. */
  served: { method: string; path: string; backend: string }[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(backends: string[], port = 0): Promise<RoundRobinProxy> {
  if (backends.length === 0) throw new Error("startRoundRobinProxy needs at least one backend");
  const served: RoundRobinProxy["served"] = [];
  let next = 0;
  const server = http.createServer((request, response) => {
    const backend = backends[next++ % backends.length]!;
    served.push({ method: request.method ?? "GET", path: request.url ?? "/", backend });
    const peer = (request.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
    const forwardedFor = request.headers["x-forwarded-for"];
    const headers = {
      ...request.headers,
      "x-forwarded-for": forwardedFor ? `${forwardedFor}, ${peer}` : peer,
      "x-forwarded-proto": "http",
      "x-forwarded-host": request.headers.host ?? "",
    };
    const upstream = http.request(
      new URL(request.url ?? "/", backend),
      { method: request.method, headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": backend });
        answer.pipe(response);
      },
    );
    upstream.once("error", (error) => {
      if (response.headersSent) response.destroy(error);
      else response.writeHead(502, { "content-type": "text/plain" }).end(`proxy: ${error.message}`);
    });
    request.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
