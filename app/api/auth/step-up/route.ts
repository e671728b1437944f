import { AppError } from "@/lib/api/errors";
import { withRoute } from "@/lib/api/with-route";
import { now } from "@/lib/auth/clock";
import { isMfaEnabled } from "@/lib/db/staff-mfa";
import { sessionFreshness } from "@/lib/auth/step-up";
import { stepUpWithPassword } from "@/lib/auth/step-up-verify";
import { stepUpBodySchema, type StepUpStatusDto } from "@/lib/schemas/step-up";

export const dynamic = "force-dynamic";

// GET /api/auth/step-up: how this session proves itself again (password in place, or SSO) and until when
// its last proof counts. Static, so it wins over next-auth's catch-all next to it.
export const GET = withRoute("GET /api/auth/step-up", {}, async ({ staff, request }) => {
  const freshness = await sessionFreshness(staff.sessionId);
  const data: StepUpStatusDto = {
    via: freshness?.method === "oidc" ? "sso" : "password",
    needsCode: await isMfaEnabled(staff.staffId),
    authenticatedAt: freshness?.authenticatedAt.toISOString() ?? null,
    freshUntil: freshness?.freshUntil.toISOString() ?? null,
    isFresh: !!freshness && freshness.freshUntil.getTime() > now(request.headers).getTime(),
  };
  return { data };
});

// POST /api/auth/step-up { password, code? }: renews this session's authentication (same throttle as
// sign-in, audited as auth.step_up). An SSO session goes to its identity provider instead (409).
export const POST = withRoute(
  "POST /api/auth/step-up",
  {
    body: stepUpBodySchema,
    audit: ({ staff }) => ({
      action: "auth.step_up",
      targetType: "staff",
      targetId: staff.staffId,
      targetLabel: staff.email,
    }),
  },
  async ({ staff, body, request }) => {
    const freshness = await sessionFreshness(staff.sessionId);
    if (freshness?.method === "oidc") {
      throw new AppError("conflict", "You signed in with single sign-on: confirm it is you there.");
    }
    const at = now(request.headers);
    const { method } = await stepUpWithPassword(staff, body, request, at);
    return { data: { method, authenticatedAt: at.toISOString() } };
  },
);
