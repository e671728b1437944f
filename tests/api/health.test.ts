import { describe, expect, it } from "vitest";
import { anonymousClient } from "../support/api-client";

// GET /api/health: public, no session needed; what a load balancer and the test harness poll.
describe("GET /api/health", () => {
  it("reports embedded mode, the database and a reachable simulator", async () => {
    const response = await anonymousClient().get("/api/health");

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body.mode).toBe("embedded");
    expect(body).toHaveProperty("database");
    expect(body.upstream).toMatchObject({ reachable: true });
  });

  it("is never cached and does not advertise the framework", async () => {
    const response = await anonymousClient().get("/api/health");

    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });
});
