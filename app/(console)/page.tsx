import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { StatCard } from "@/components/accounts/stat-card";
import { BreakGlassNotice } from "@/components/approvals/break-glass-notice";
import { ActivityChart } from "@/components/overview/activity-chart";
import { AttentionList } from "@/components/overview/attention-list";
import { BalanceCharts } from "@/components/overview/balance-charts";
import { CreatedChart } from "@/components/overview/created-chart";
import { PoolChart } from "@/components/overview/pool-chart";
import { ErrorPanel } from "@/components/ui/state-panels";
import { isAppError } from "@/lib/api/errors";
import { toAuditEventDto } from "@/lib/audit/audit-events";
import { can } from "@/lib/auth/permissions";
import { getCurrentStaff } from "@/lib/auth/session";
import { defaultThreshold } from "@/lib/balances/thresholds";
import { listAudit } from "@/lib/db/audit";
import { attentionCounts } from "@/lib/db/overview";
import { accountsCreatedPerMonth, activityPerDay, balanceOverview } from "@/lib/overview/overview-data";
import { managedAccountListQuerySchema, type ChannelPool } from "@/lib/schemas/managed-accounts";
import { orgUserListQuerySchema } from "@/lib/schemas/org-users";
import { getChannelPool, listManagedAccounts } from "@/lib/telnyx/managed-accounts";
import { listOrgUsers } from "@/lib/telnyx/org-users";
import { getUpstream } from "@/lib/telnyx/upstream";

export const metadata: Metadata = { title: "Overview" };
export const dynamic = "force-dynamic";

type Figure = number | { error: string };

/** Each figure is read on its own: one upstream failure leaves the other cards standing. */
async function figure(read: () => Promise<number>): Promise<Figure> {
  try {
    return await read();
  } catch (error) {
    return { error: isAppError(error) ? error.message : "Telnyx could not be reached." };
  }
}

// Counts come from a one-row page's totals: the cheapest question Telnyx answers with a number.
const countAccounts = (status: "all" | "disabled") =>
  figure(async () => {
    const page = await listManagedAccounts(managedAccountListQuerySchema.parse({ pageSize: 1, status }));
    return page.meta.totalResults;
  });

export default async function OverviewPage() {
  const staff = await getCurrentStaff();
  if (!staff) redirect("/login");
  const { mode } = getUpstream();

  const pool = getChannelPool().then(
    (value): { value: ChannelPool } => ({ value }),
    (error: unknown) => ({
      error: isAppError(error) ? error.message : "Telnyx could not be reached.",
    }),
  );
  const threshold = defaultThreshold();
  const now = new Date();
  // Our own tables: fast, and a failure here is the database's, shown by the error page.
  const [attention, balances, activity, recent] = await Promise.all([
    attentionCounts(threshold, now),
    balanceOverview(threshold),
    activityPerDay(now),
    listAudit({ page: 1, pageSize: 5 }),
  ]);
  const created = accountsCreatedPerMonth(now).then(
    (value) => ({ value }),
    (error: unknown) => ({ error: isAppError(error) ? error.message : "Telnyx could not be reached." }),
  );
  const [accounts, disabled, users, poolAnswer, createdAnswer] = await Promise.all([
    countAccounts("all"),
    countAccounts("disabled"),
    figure(
      async () =>
        (await listOrgUsers(orgUserListQuerySchema.parse({ page: 1, pageSize: 1 }))).meta.totalResults,
    ),
    pool,
    created,
  ]);
  const poolFigure = (pick: (value: ChannelPool) => number): Figure =>
    "value" in poolAnswer ? pick(poolAnswer.value) : poolAnswer;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="overview-source">
          {mode === "embedded"
            ? "Simulated figures from the built-in Telnyx simulator (embedded mode): no real account is counted."
            : "Live figures from Telnyx for this manager."}
        </p>
      </div>
      <BreakGlassNotice />
      <section aria-labelledby="attention-heading" className="flex flex-col gap-3">
        <h2 id="attention-heading" className="text-lg font-semibold">
          Needs attention
        </h2>
        <AttentionList counts={attention} canSeeStaff={can(staff.role, "staff.manage")} />
      </section>
      <section aria-labelledby="charts-heading" className="flex flex-col gap-3">
        <h2 id="charts-heading" className="text-lg font-semibold">
          The fleet at a glance
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          <BalanceCharts overview={balances} threshold={threshold} />
          {"value" in createdAnswer ? (
            <CreatedChart {...createdAnswer.value} />
          ) : (
            <ErrorPanel message={`Accounts created per month could not be read: ${createdAnswer.error}`} />
          )}
          {"value" in poolAnswer ? (
            <PoolChart pool={poolAnswer.value} />
          ) : (
            <ErrorPanel message={`The channel pool could not be read: ${poolAnswer.error}`} />
          )}
          <div className="lg:col-span-2">
            <ActivityChart days={activity} recent={recent.rows.map((row) => toAuditEventDto(row))} />
          </div>
        </div>
      </section>
      <section aria-labelledby="pool-heading" className="flex flex-col gap-3">
        <h2 id="pool-heading" className="text-lg font-semibold">
          Outbound channel pool
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard
            title="Allocatable"
            value={poolFigure((p) => p.allocatable)}
            testId="overview-allocatable"
          />
          <StatCard title="Allocated" value={poolFigure((p) => p.allocated)} testId="overview-allocated" />
          <StatCard
            title="Headroom"
            value={poolFigure((p) => p.headroom)}
            note="Allocatable minus allocated: what is left to hand out."
            testId="overview-headroom"
          />
        </div>
      </section>
      <section aria-labelledby="counts-heading" className="flex flex-col gap-3">
        <h2 id="counts-heading" className="text-lg font-semibold">
          Accounts and users
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard
            title="Managed accounts"
            value={accounts}
            note="Not counting cancelled accounts."
            link={{ href: "/accounts", label: "Open the accounts list" }}
            testId="overview-accounts"
          />
          <StatCard
            title="Disabled accounts"
            value={disabled}
            link={{ href: "/accounts?status=disabled", label: "Open the disabled accounts" }}
            testId="overview-disabled"
          />
          <StatCard
            title="Organization users"
            value={users}
            link={{ href: "/users", label: "Open the users list" }}
            testId="overview-users"
          />
        </div>
      </section>
    </div>
  );
}
