import { failureOf, openAudit } from "@/lib/api/route-audit";
import { withRoute } from "@/lib/api/with-route";
import { resetStaffMfa } from "@/lib/auth/mfa/enrolment";
import { idParamsSchema } from "@/lib/schemas/common";
import { resetMfaBodySchema } from "@/lib/schemas/mfa";
import { findStaffMember } from "@/lib/staff/staff-admin";

export const dynamic = "force-dynamic";

// POST /api/staff/{id}/mfa-reset { reason }: an admin removes someone's TOTP and recovery codes (a lost
// phone); they set it up again. Audited with the person's email and the reason.
export const POST = withRoute(
  "POST /api/staff/[id]/mfa-reset",
  { params: idParamsSchema, body: resetMfaBodySchema, stepUp: true },
  async ({ params, body, ...context }) => {
    const person = await findStaffMember(params.id);
    const audit = await openAudit(context, {
      action: "staff.mfa.reset",
      targetType: "staff",
      targetId: person.id,
      targetLabel: person.email,
      reason: body.reason,
    });
    try {
      const data = await resetStaffMfa(person.id);
      await audit.finish({ outcome: "success" });
      return { data };
    } catch (error) {
      await audit.finish(failureOf(error));
      throw error;
    }
  },
);
