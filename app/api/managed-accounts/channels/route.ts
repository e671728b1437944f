import { withRoute } from "@/lib/api/with-route";
import { getChannelPool } from "@/lib/telnyx/managed-accounts";

export const dynamic = "force-dynamic";

// GET /api/managed-accounts/channels: the manager's global outbound channel pool.
export const GET = withRoute("GET /api/managed-accounts/channels", {}, async () => ({
  data: await getChannelPool(),
}));
