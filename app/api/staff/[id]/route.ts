import { withRoute } from "@/lib/api/with-route";
import { approvalPolicy } from "@/lib/approvals/policy";
import { holdForApproval } from "@/lib/approvals/request";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateStaffBodySchema } from "@/lib/schemas/staff";
import { changeStaffMember } from "@/lib/staff/change-staff";
import { findStaffMember } from "@/lib/staff/staff-admin";

export const dynamic = "force-dynamic";

// PATCH /api/staff/{id} { role } | { status } | { password }: one change per request, audited with the
// person's email (lib/staff/change-staff.ts). Making someone an admin waits for a second admin under the
// approval policy: 202.
export const PATCH = withRoute(
  "PATCH /api/staff/[id]",
  { params: idParamsSchema, body: updateStaffBodySchema, stepUp: true },
  async ({ params, body, ...context }) => {
    if (body.role === "admin" && approvalPolicy()["staff.make_admin"]) {
      const person = await findStaffMember(params.id);
      if (person.role !== "admin") {
        return holdForApproval(
          {
            request: { action: "staff.make_admin", id: person.id },
            target: { type: "staff", id: person.id, label: person.email },
            reason: `Make ${person.email} an admin`,
          },
          context,
        );
      }
    }
    return { data: await changeStaffMember(params.id, body, context) };
  },
);
