import { withRoute } from "@/lib/api/with-route";
import { idParamsSchema } from "@/lib/schemas/common";
import { updateStaffBodySchema } from "@/lib/schemas/staff";
import { applyStaffChange, findStaffMember, staffChangeIntent } from "@/lib/staff/staff-admin";
import { failureOf, openAudit } from "@/lib/api/route-audit";

export const dynamic = "force-dynamic";

// PATCH /api/staff/{id} { role } | { status } | { password }: one change per request, audited with the
// person's email, so the row is opened here after the lookup rather than by withRoute.
export const PATCH = withRoute(
  "PATCH /api/staff/[id]",
  { params: idParamsSchema, body: updateStaffBodySchema },
  async ({ params, body, ...context }) => {
    const person = await findStaffMember(params.id);
    const audit = await openAudit(context, staffChangeIntent(person, body));
    try {
      const data = await applyStaffChange(context.staff, person, body);
      await audit.finish({ outcome: "success" });
      return { data };
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
