import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { renderMetrics, scrapeAccess } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

// GET /api/metrics: Prometheus text for the operator's scraper, with `Authorization: Bearer
// $SUBDESK_METRICS_TOKEN`; 404 while no token is configured, 401 for anything else (a session cookie too).
export const GET = withRoute("GET /api/metrics", {}, async ({ request }) => {
  const access = scrapeAccess(request);
  if (access === "not_configured") throw new AppError("not_found", "There is nothing at this address.");
  if (access === "denied") {
    throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <token>.");
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType } });
});
