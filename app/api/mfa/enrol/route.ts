import { withRoute } from "@/lib/api/with-route";
import { startMfaEnrolment } from "@/lib/auth/mfa/enrolment";
import { startMfaEnrolmentBodySchema } from "@/lib/schemas/mfa";

export const dynamic = "force-dynamic";

// POST /api/mfa/enrol {}: a new pending TOTP secret for oneself, as text and as a QR code (409 when MFA is
// already on). The secret is in this answer only; the audit row records that set-up began, not the secret.
export const POST = withRoute(
  "POST /api/mfa/enrol",
  {
    body: startMfaEnrolmentBodySchema,
    audit: ({ staff }) => ({
      action: "auth.mfa.enrol",
      targetType: "staff",
      targetId: staff.staffId,
      targetLabel: staff.email,
    }),
  },
  async ({ staff }) => ({ data: await startMfaEnrolment(staff) }),
);
