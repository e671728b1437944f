import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { getOrgUser } from "@/lib/telnyx/org-users";

export const dynamic = "force-dynamic";

// GET /api/org-users/{id} (always with groups)
export const GET = withRoute("GET /api/org-users/[id]", { params: idParamsSchema }, async ({ params }) => ({
  data: await getOrgUser(params.id),
}));
