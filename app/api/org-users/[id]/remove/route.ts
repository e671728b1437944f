import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { removeOrgUserBodySchema } from "@/lib/schemas/org-users";
import { removeOrganizationUser } from "@/lib/users/remove-user";

export const dynamic = "force-dynamic";

// POST /api/org-users/{id}/remove { reason, confirmEmail }. The audit row is written by
// removeOrganizationUser, after the checks that need the user's record and before the remove call.
export const POST = withRoute(
  "POST /api/org-users/[id]/remove",
  { params: idParamsSchema, body: removeOrgUserBodySchema },
  async ({ params, body, ...context }) => {
    const { value, notice } = await removeOrganizationUser(params.id, body, context);
    return { data: value, ...(notice ? { notice } : {}) };
  },
);
