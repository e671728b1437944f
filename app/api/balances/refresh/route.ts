import { withRoute } from "@/lib/api/with-route";
import { requestRefresh } from "@/lib/balances/engine";
import { toBalanceRefresh } from "@/lib/balances/fleet";
import { latestRefresh } from "@/lib/db/balance-refreshes";
import { balanceRefreshBodySchema } from "@/lib/schemas/balances";

export const dynamic = "force-dynamic";

// GET /api/balances/refresh: the latest refresh (scheduled or asked for) with its progress; null before any.
export const GET = withRoute("GET /api/balances/refresh", {}, async () => {
  const row = await latestRefresh();
  return { data: row ? toBalanceRefresh(row) : null };
});

// POST /api/balances/refresh → 202 { data: refresh }: reads every account's balance now. One refresh runs
// at a time: while one is queued or running, this answers that one (and says so) instead of a second.
export const POST = withRoute(
  "POST /api/balances/refresh",
  {
    body: balanceRefreshBodySchema,
    audit: () => ({ action: "balance.refresh", targetType: "balance_refresh" }),
  },
  async ({ staff, setAuditTarget }) => {
    const { refresh, created } = await requestRefresh(staff.staffId);
    setAuditTarget({ id: refresh.id, label: created ? "Started" : "Already running" });
    return Response.json({ data: toBalanceRefresh(refresh), alreadyRunning: !created }, { status: 202 });
  },
);
