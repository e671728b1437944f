import { afterEach, describe, expect, it } from "vitest";
import { clientIpOf } from "@/lib/api/request-context";
import { clientAddress } from "@/lib/auth/client-address";

// The audit trail and the sign-in throttle must agree on who the client is, and neither may take the
// address a client wrote itself when a proxy in front appended the real one (the last entry).

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/api/x", { headers });

describe("clientIpOf (audit rows)", () => {
  const original = process.env.SUBDESK_TRUSTED_PROXIES;
  afterEach(() => {
    if (original === undefined) delete process.env.SUBDESK_TRUSTED_PROXIES;
    else process.env.SUBDESK_TRUSTED_PROXIES = original;
  });

  it("takes the entry nearest us, not the one the client forged", () => {
    expect(clientIpOf(request({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }))).toBe("198.51.100.7");
  });

  it("agrees with the sign-in throttle's address for the same headers", () => {
    process.env.SUBDESK_TRUSTED_PROXIES = "1";
    const cases: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.1, 198.51.100.7, 10.0.0.2" },
      { "x-forwarded-for": "::ffff:198.51.100.8" },
      { "x-real-ip": "198.51.100.9" },
    ];
    for (const headers of cases) {
      expect(clientIpOf(request(headers))).toBe(clientAddress(new Headers(headers)));
    }
  });
});
