import { request as httpRequest } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type ApiClient } from "../support/api-client";
import { baseUrl } from "../support/env";
import { resetSim } from "../support/sim-control";
import { expectError, expectNoUpstreamCall } from "./managed-accounts-fixtures";

// Oversized bodies, methods nothing here takes and HEAD on exports. Each of these was seen to go wrong:
// a 20 MB body answered "not valid JSON", TRACE answered 500, HEAD on an export left a pending audit row.

let admin: ApiClient;

beforeAll(async () => {
  await resetSim();
  admin = await signIn("admin");
});

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, not fetch: fetch refuses to send TRACE, TRACK and chunked bodies without a length. */
function rawRequest(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; chunks?: string[] } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseUrl()}${path}`, { method, headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on("error", reject);
    for (const chunk of options.chunks ?? []) request.write(chunk);
    request.end();
  });
}

const createPath = "/api/managed-accounts";
const limitText = /64 KiB/;

function jsonWithName(bytes: number): string {
  return JSON.stringify({ businessName: "x".repeat(bytes) });
}

describe("oversized bodies", () => {
  it("a 20 MB JSON body answers 413 payload_too_large naming the limit, not 'not valid JSON'", async () => {
    const response = await expectNoUpstreamCall(() =>
      admin.request("POST", createPath, {
        body: jsonWithName(20 * 1024 * 1024),
        headers: { "Content-Type": "application/json" },
      }),
    );
    const body = await expectError(response, 413, "payload_too_large");
    expect(body.error.message).toMatch(limitText);
  });

  it("a chunked body with no Content-Length is cut off at the limit: 413", async () => {
    const chunk = "x".repeat(16 * 1024);
    const answer = await rawRequest("POST", createPath, {
      headers: {
        Cookie: admin.cookieHeader(),
        Origin: baseUrl(),
        "Content-Type": "application/json",
        "Transfer-Encoding": "chunked",
      },
      chunks: ['{"businessName":"', ...Array.from({ length: 40 }, () => chunk), '"}'],
    });
    expect(answer.status, answer.body).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe("payload_too_large");
  });

  it("a body under the limit is read whole (a long name is a field message, not 413)", async () => {
    const response = await admin.request("POST", createPath, {
      body: jsonWithName(60 * 1024),
      headers: { "Content-Type": "application/json" },
    });
    await expectError(response, 422, "validation_failed", "businessName");
  });
});

describe("methods", () => {
  const paths = ["/api/health", "/api/managed-accounts", "/api/audit/export", "/login", "/accounts", "/"];

  it("TRACE on static files (which the proxy does not see) is 404, never 500", async () => {
    for (const path of ["/_next/static/no-such-file.js", "/favicon.ico"]) {
      expect((await rawRequest("TRACE", path)).status, path).toBe(404);
    }
  });

  for (const path of paths) {
    it(`TRACE ${path} answers 405 with Allow, never 500`, async () => {
      const answer = await rawRequest("TRACE", path);
      expect(answer.status, answer.body.slice(0, 200)).toBe(405);
      expect(answer.headers.allow).toMatch(/GET/);
      expect(answer.headers.allow).not.toMatch(/TRACE/);
    });

    it(`TRACK ${path} is refused by the HTTP parser (400), never 500`, async () => {
      expect((await rawRequest("TRACK", path)).status).toBe(400);
    });
  }

  it("Allow names what the route takes", async () => {
    expect((await rawRequest("TRACE", "/api/managed-accounts")).headers.allow).toBe(
      "GET, HEAD, OPTIONS, POST",
    );
    expect((await rawRequest("TRACE", "/api/health")).headers.allow).toBe("GET, HEAD, OPTIONS");
    const detail = await rawRequest("PUT", "/api/managed-accounts/00000000-0000-4000-8000-000000000000");
    expect(detail.status).toBe(405);
    expect(detail.headers.allow).toBe("GET, HEAD, OPTIONS, PATCH");
    expect(JSON.parse(detail.body).error.code).toBe("method_not_allowed");
  });

  it("a read of a route that only takes changes answers 405 with Allow and the envelope", async () => {
    for (const method of ["GET", "HEAD"]) {
      const answer = await rawRequest(method, "/api/mfa/confirm");
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow, method).toBe("OPTIONS, POST");
    }
    const get = await rawRequest("GET", "/api/managed-accounts/00000000-0000-4000-8000-000000000000/disable");
    expect(JSON.parse(get.body).error.code).toBe("method_not_allowed");
  });

  it("a client cannot mark a refused method as one its route takes", async () => {
    const headers = { "x-subdesk-method-allowed": "1" };
    const answer = await rawRequest("PUT", "/api/managed-accounts", { headers });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD, OPTIONS, POST");
    expect(JSON.parse(answer.body).error.code).toBe("method_not_allowed");
  });

  for (const path of paths) {
    it(`PROPFIND, PUT and DELETE ${path} answer 405, never 500 or a page`, async () => {
      for (const method of ["PROPFIND", "PUT", "DELETE"]) {
        const answer = await rawRequest(method, path);
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow, `${method} ${path}`).toMatch(/GET/);
      }
    });

    it(`OPTIONS ${path} answers 204 with Allow`, async () => {
      const answer = await rawRequest("OPTIONS", path);
      expect(answer.status).toBe(204);
      expect(answer.headers.allow).toMatch(/GET, HEAD, OPTIONS/);
    });

    it(`a made-up method on ${path} is refused, never 500`, async () => {
      const answer = await rawRequest("FROBNICATE", path);
      expect([400, 405]).toContain(answer.status);
    });
  }

  it("a client cannot send the header TRACE is handed on with", async () => {
    const headers = { "x-subdesk-refused-method": "TRACE" };
    expect((await rawRequest("GET", "/api/health", { headers })).status).toBe(200);
    const options = await rawRequest("OPTIONS", "/login", { headers });
    expect(options.status).toBe(204);
  });
});

describe("HEAD on exports", () => {
  async function exportRows(): Promise<number> {
    const body = await admin.getJson<{ meta: { totalResults: number } }>(
      "/api/audit?action=report.export&pageSize=1",
    );
    return body.meta.totalResults;
  }

  for (const path of [
    "/api/org-users/groups-report?format=csv",
    "/api/org-users/groups-report?format=json",
    "/api/audit/export",
    "/api/managed-accounts/export?format=csv",
  ]) {
    it(`HEAD ${path} answers 200 and writes no audit row, calling no one`, async () => {
      const before = await exportRows();
      const response = await expectNoUpstreamCall(() => admin.request("HEAD", path));
      expect(response.status).toBe(200);
      expect(await exportRows()).toBe(before);
    });
  }

  it("HEAD still checks the permission: a viewer is refused", async () => {
    const viewer = await signIn("viewer");
    const response = await viewer.request("HEAD", "/api/org-users/groups-report");
    expect(response.status).toBe(403);
  });

  it("GET still exports and writes its one row", async () => {
    const before = await exportRows();
    const response = await admin.get("/api/audit/export");
    await response.text();
    expect(response.status).toBe(200);
    expect(await exportRows()).toBe(before + 1);
  });
});
