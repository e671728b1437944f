import { withRoute } from "@/lib/api/with-route";
import { databaseHealth } from "@/lib/db/client";
import { checkUpstreamReachable, getUpstream } from "@/lib/telnyx/upstream";

export const dynamic = "force-dynamic";

// GET /api/health: mode, database and upstream reachability, for load balancers and the people on call.
export const GET = withRoute("GET /api/health", {}, async () => {
  const [database, upstream] = await Promise.all([databaseHealth(), checkUpstreamReachable()]);
  const healthy = database.ok && upstream.reachable;
  return Response.json(
    { status: healthy ? "ok" : "degraded", mode: getUpstream().mode, database, upstream },
    { status: database.ok ? 200 : 503 },
  );
});
