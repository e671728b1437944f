import { withRoute } from "@/lib/api/with-route";
import { orgUserListQuerySchema } from "@/lib/schemas/org-users";
import { listOrgUsers } from "@/lib/telnyx/org-users";

export const dynamic = "force-dynamic";

// GET /api/org-users?page&pageSize&email&status&includeGroups
export const GET = withRoute("GET /api/org-users", { query: orgUserListQuerySchema }, async ({ query }) => ({
  ...(await listOrgUsers(query)),
}));
