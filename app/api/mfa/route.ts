import { withRoute } from "@/lib/api/with-route";
import { mfaStatus } from "@/lib/auth/mfa/enrolment";

export const dynamic = "force-dynamic";

// GET /api/mfa: whether one's own two-factor authentication is on, and how many recovery codes are left.
export const GET = withRoute("GET /api/mfa", {}, async ({ staff }) => ({ data: await mfaStatus(staff) }));
