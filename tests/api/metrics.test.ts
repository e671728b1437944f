import { beforeAll, describe, expect, it } from "vitest";
import { anonymousClient, signIn, type ApiClient } from "../support/api-client";
import { metricsToken } from "../support/env";
import { simAccountStates } from "../support/security";
import { clearFaults, injectFault } from "../support/sim-control";

// GET /api/metrics: Prometheus text for the operator's scraper, opened by a bearer token only.

const scrape = (token?: string, client: ApiClient = anonymousClient()) =>
  client.get("/api/metrics", token === undefined ? {} : { headers: { Authorization: `Bearer ${token}` } });

async function metricsText(): Promise<string> {
  const response = await scrape(metricsToken());
  expect(response.status).toBe(200);
  return response.text();
}

/** The value of one sample (name and exact label set as Prometheus prints them), 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

let admin: ApiClient;

beforeAll(async () => {
  admin = await signIn("admin");
});

describe("GET /api/metrics", () => {
  it.each([
    { name: "no Authorization", token: undefined },
    { name: "a wrong token", token: "not-the-token" },
    { name: "a token one character short", token: metricsToken().slice(0, -1) },
  ])("answers 401 with the error envelope for $name", async ({ token }) => {
    const response = await scrape(token);
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unauthorized");
  });

  it("is never opened by a signed-in browser's session cookie", async () => {
    const response = await scrape(undefined, admin);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("subdesk_http_request_duration_seconds");
  });

  it("reports request time per route and status, Telnyx calls, the pool, the queue and the process", async () => {
    expect((await admin.get("/api/managed-accounts?pageSize=5")).status).toBe(200);
    expect((await admin.get("/api/managed-accounts?pageSize=0")).status).toBe(400);
    const response = await scrape(metricsToken());
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = await response.text();
    const route = 'route="GET /api/managed-accounts"';
    expect(
      sample(text, `subdesk_http_request_duration_seconds_count{${route},status="200"}`),
    ).toBeGreaterThan(0);
    expect(
      sample(text, `subdesk_http_request_duration_seconds_count{${route},status="400"}`),
    ).toBeGreaterThan(0);
    expect(
      sample(
        text,
        'subdesk_telnyx_call_duration_seconds_count{operation="ListManagedAccounts",outcome="ok"}',
      ),
    ).toBeGreaterThan(0);
    expect(text).toMatch(/^subdesk_db_pool_connections\{driver="pglite",state="total"\} 1$/m);
    expect(text).toMatch(/^subdesk_job_queue_depth \d+$/m);
    expect(sample(text, "subdesk_process_resident_memory_bytes")).toBeGreaterThan(0);
    // Nothing of a person or a secret: labels are route keys, statuses and operation names.
    expect(text).not.toMatch(/@subdesk\.test|KEY[0-9A-Z]{8}/);
  });

  it("counts a 429 from Telnyx and the retry after it", async () => {
    const [account] = await simAccountStates();
    const operation = 'operation="RetrieveManagedAccount"';
    const before = await metricsText();
    await injectFault({ operation: "RetrieveManagedAccount", kind: "rate_limit", retryAfter: 1, times: 1 });
    try {
      expect((await admin.get(`/api/managed-accounts/${account!.id}`)).status).toBe(200);
    } finally {
      await clearFaults();
    }
    const after = await metricsText();
    const delta = (series: string) => sample(after, series) - sample(before, series);
    expect(delta(`subdesk_telnyx_rate_limited_total{${operation}}`)).toBe(1);
    expect(delta(`subdesk_telnyx_retries_total{${operation},status="429"}`)).toBe(1);
    expect(delta(`subdesk_telnyx_call_duration_seconds_count{${operation},outcome="ok"}`)).toBe(1);
  });
});
