import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientIpOf } from "@/lib/api/request-context";
import { clientAddress, PEER_HEADER, stampPeerAddresses } from "@/lib/auth/client-address";

// The audit trail and the sign-in throttle take the client address from one place. It is the socket's
// peer, stamped by a wrapper round Node's HTTP server (the one `next start` runs: the API tests
// sign-in-throttle and security-audit-rows show it there), unless SUBDESK_TRUSTED_PROXIES names how many
// proxies of ours append to X-Forwarded-For. A header a client writes itself changes nothing.

const original = process.env.SUBDESK_TRUSTED_PROXIES;
afterEach(() => {
  if (original === undefined) delete process.env.SUBDESK_TRUSTED_PROXIES;
  else process.env.SUBDESK_TRUSTED_PROXIES = original;
});

it("trusts no peer header before the stamp is installed in this process", () => {
  expect(clientAddress(new Headers({ [PEER_HEADER]: "192.0.2.1" }))).toBe("unknown");
});

describe("behind the stamp", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    stampPeerAddresses();
    server = http.createServer((request, response) => {
      const headers = new Headers(request.headers as Record<string, string>);
      const fromRequest = clientIpOf(new Request("http://127.0.0.1/api/x", { headers }));
      response.end(JSON.stringify({ address: clientAddress(request.headers), fromRequest }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ask = async (headers: Record<string, string>) => {
    const answer = (await (await fetch(url, { headers })).json()) as { address: string; fromRequest: string };
    // The audit trail (clientIpOf) and the throttle (clientAddress) agree on every request.
    expect(answer.fromRequest).toBe(answer.address);
    return answer.address;
  };

  it("answers the socket's peer, whatever a client writes, when no proxy is trusted", async () => {
    expect(await ask({})).toBe("127.0.0.1");
    expect(
      await ask({ "X-Forwarded-For": "6.6.6.6", [PEER_HEADER]: "6.6.6.7", "X-Real-IP": "6.6.6.8" }),
    ).toBe("127.0.0.1");
    process.env.SUBDESK_TRUSTED_PROXIES = "0";
    expect(await ask({ "X-Forwarded-For": "6.6.6.6, 198.51.100.7" })).toBe("127.0.0.1");
  });

  it("takes the entry our N proxies wrote (N from the right), never one further left", async () => {
    process.env.SUBDESK_TRUSTED_PROXIES = "1";
    expect(await ask({ "X-Forwarded-For": "6.6.6.6, 198.51.100.7" })).toBe("198.51.100.7");
    expect(await ask({ "X-Forwarded-For": "::ffff:198.51.100.8" })).toBe("198.51.100.8");
    process.env.SUBDESK_TRUSTED_PROXIES = "2";
    expect(await ask({ "X-Forwarded-For": "6.6.6.6, 203.0.113.1, 10.0.0.2" })).toBe("203.0.113.1");
    // Fewer entries than proxies, or an entry that is no address: our own peer, not a client's text.
    expect(await ask({ "X-Forwarded-For": "203.0.113.1" })).toBe("127.0.0.1");
    process.env.SUBDESK_TRUSTED_PROXIES = "1";
    expect(await ask({ "X-Forwarded-For": "198.51.100.7, @SUM(A1)" })).toBe("127.0.0.1");
  });
});
