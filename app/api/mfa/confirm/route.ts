import { withRoute } from "@/lib/api/with-route";
import { now } from "@/lib/auth/clock";
import { confirmMfaEnrolment } from "@/lib/auth/mfa/enrolment";
import { confirmMfaBodySchema } from "@/lib/schemas/mfa";

export const dynamic = "force-dynamic";

// POST /api/mfa/confirm { code }: the first code from the app turns MFA on and answers the ten recovery
// codes, once (422 for a wrong code, 409 with nothing pending).
export const POST = withRoute(
  "POST /api/mfa/confirm",
  {
    body: confirmMfaBodySchema,
    audit: ({ staff }) => ({
      action: "auth.mfa.enable",
      targetType: "staff",
      targetId: staff.staffId,
      targetLabel: staff.email,
    }),
  },
  async ({ staff, body, request }) => ({
    data: await confirmMfaEnrolment(staff, body.code, now(request.headers)),
  }),
);
