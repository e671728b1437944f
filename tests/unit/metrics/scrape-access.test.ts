import { describe, expect, it } from "vitest";
import { scrapeAccess } from "@/lib/metrics/scrape";

// Who may read /api/metrics: only a bearer token equal to SUBDESK_METRICS_TOKEN; nothing while it is unset.
const request = (headers: Record<string, string>) =>
  new Request("http://console.test/api/metrics", { headers });

describe("scrapeAccess", () => {
  it("is not there at all (404) while no token is configured, whatever is sent", () => {
    expect(scrapeAccess(request({ Authorization: "Bearer anything" }), undefined)).toBe("not_configured");
    expect(scrapeAccess(request({ Authorization: "Bearer " }), "")).toBe("not_configured");
  });

  it("opens to the exact bearer token only", () => {
    const token = "s3cret-token";
    expect(scrapeAccess(request({ Authorization: `Bearer ${token}` }), token)).toBe("allowed");
    expect(scrapeAccess(request({ Authorization: `bearer ${token}` }), token)).toBe("allowed");
    expect(scrapeAccess(request({ Authorization: `Bearer ${token}x` }), token)).toBe("denied");
    expect(scrapeAccess(request({ Authorization: `Bearer ${token.slice(1)}` }), token)).toBe("denied");
    expect(scrapeAccess(request({ Authorization: `Basic ${token}` }), token)).toBe("denied");
    expect(scrapeAccess(request({}), token)).toBe("denied");
  });

  it("never looks at cookies", () => {
    expect(scrapeAccess(request({ Cookie: "subdesk.session=abc; token=s3cret" }), "s3cret")).toBe("denied");
  });
});
