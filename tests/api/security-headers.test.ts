import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { resetSim } from "../support/sim-control";

// Security headers on every kind of answer: a page, a JSON answer, a CSV download, a 404 and an error
// envelope. A page's CSP carries a fresh script nonce per request, and the page's scripts carry that nonce;
// an API answer's lets nothing load or run at all.

let admin: ApiClient;

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
});

interface Target {
  name: string;
  fetch: () => Promise<Response>;
  status: number;
  isApi: boolean;
}

const targets: Target[] = [
  { name: "the sign-in page", fetch: () => anonymousClient().get("/login"), status: 200, isApi: false },
  { name: "a console page", fetch: () => admin.get("/accounts"), status: 200, isApi: false },
  {
    name: "an API answer",
    fetch: () => admin.get("/api/managed-accounts?pageSize=1"),
    status: 200,
    isApi: true,
  },
  {
    name: "a CSV download",
    fetch: () => admin.get("/api/org-users/groups-report?format=csv"),
    status: 200,
    isApi: true,
  },
  { name: "a page that does not exist", fetch: () => admin.get("/no-such-page"), status: 404, isApi: false },
  {
    name: "an API path that does not exist",
    fetch: () => admin.get("/api/no-such-route"),
    status: 404,
    isApi: false,
  },
  {
    name: "an error envelope (401)",
    fetch: () => anonymousClient().get("/api/managed-accounts"),
    status: 401,
    isApi: true,
  },
  {
    name: "an error envelope (400)",
    fetch: () => admin.get("/api/managed-accounts?pageSize=0"),
    status: 400,
    isApi: true,
  },
];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name = "", ...values]) => [name.toLowerCase(), values]),
  );
}

function scriptNonce(csp: string): string | undefined {
  const token = directives(csp)
    .get("script-src")
    ?.find((value) => /^'nonce-.+'$/.test(value));
  return token?.slice("'nonce-".length, -1);
}

describe.each(targets)("$name", (target) => {
  let response: Response;
  let body: string;

  beforeAll(async () => {
    response = await target.fetch();
    body = await response.text();
  });

  it(`answers ${target.status}`, () => {
    expect(response.status, body.slice(0, 200)).toBe(target.status);
  });

  if (target.isApi) {
    // JSON and CSV are never documents: nothing at all may load or run, so no nonce is needed.
    it("has a CSP that lets nothing load, run or frame it", () => {
      const policy = directives(response.headers.get("content-security-policy") ?? "");
      expect(policy.get("default-src")).toEqual(["'none'"]);
      expect(policy.has("script-src")).toBe(false);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
    });
  } else {
    it("has a CSP with a script nonce, frame-ancestors, object-src and base-uri locked down", () => {
      const csp = response.headers.get("content-security-policy") ?? "";
      const policy = directives(csp);
      expect(scriptNonce(csp), csp).toMatch(/^[A-Za-z0-9+/=_-]{16,}$/);
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
    });
  }

  it("sends HSTS, nosniff, Referrer-Policy and COOP, and no X-Powered-By", () => {
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toMatch(/^(no-referrer|strict-origin|same-origin)/);
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.has("x-powered-by")).toBe(false);
  });

  if (target.isApi) {
    it("is Cache-Control: no-store with a request id", () => {
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(response.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    });
  }
});

describe("the script nonce", () => {
  it("differs between two requests for the same page", async () => {
    const [first, second] = await Promise.all([admin.get("/accounts"), admin.get("/accounts")]);
    const nonces = [first, second].map((answer) =>
      scriptNonce(answer.headers.get("content-security-policy") ?? ""),
    );
    expect(nonces[0]).toBeTruthy();
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("is on every script tag of the page, and is the one in the header", async () => {
    const response = await admin.get("/accounts");
    const nonce = scriptNonce(response.headers.get("content-security-policy") ?? "");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });
});
