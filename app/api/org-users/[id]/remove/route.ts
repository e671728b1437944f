import { withRoute } from "@/lib/api/with-route";
import { approvalPolicy } from "@/lib/approvals/policy";
import { holdForApproval } from "@/lib/approvals/request";
import { idParamsSchema } from "@/lib/schemas/common";
import { removeOrgUserBodySchema } from "@/lib/schemas/org-users";
import { readRemovableUser, removeOrganizationUser } from "@/lib/users/remove-user";

export const dynamic = "force-dynamic";

// POST /api/org-users/{id}/remove { reason, confirmEmail }. The audit row is written by
// removeOrganizationUser, after the checks that need the user's record and before the remove call. Under
// the approval policy (lib/approvals/policy.ts) the checked request waits for a second person: 202.
export const POST = withRoute(
  "POST /api/org-users/[id]/remove",
  { params: idParamsSchema, body: removeOrgUserBodySchema, stepUp: true },
  async ({ params, body, ...context }) => {
    if (approvalPolicy()["org_user.remove"]) {
      const user = await readRemovableUser(params.id, body);
      return holdForApproval(
        {
          request: { action: "org_user.remove", id: user.id, body },
          target: { type: "org_user", id: user.id, label: user.email },
          reason: body.reason,
        },
        context,
      );
    }
    const { value, notice } = await removeOrganizationUser(params.id, body, context);
    return { data: value, ...(notice ? { notice } : {}) };
  },
);
