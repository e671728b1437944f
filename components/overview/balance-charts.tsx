import { Card } from "@/components/ui/card";
import type { BalanceOverview } from "@/lib/overview/overview-data";
import { BarListChart } from "./bar-list-chart";
import { ChartFigure } from "./chart-figure";
import { ColumnChart } from "./column-chart";

/** Balance distribution and the ten lowest balances, from the latest snapshots (no Telnyx read). */
export function BalanceCharts({ overview, threshold }: { overview: BalanceOverview; threshold: string }) {
  if (overview.rows.length === 0) {
    return (
      <Card className="lg:col-span-2" data-testid="balances-empty">
        <h3 className="text-base font-semibold">Balances</h3>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          No balances yet: a refresh reads every account&apos;s balance shortly after start-up and then on its
          schedule. The charts appear once the first refresh has finished.
        </p>
      </Card>
    );
  }
  const below = overview.lowest.filter((bar) => bar.isBelow).length;
  const total = overview.rows.length;
  return (
    <>
      <ChartFigure
        id="balance-distribution"
        title="Balance distribution"
        summary={`${total.toLocaleString("en")} accounts with a balance of their own, by balance (${overview.currency}, each bar from the amount under it); red ranges are below the default threshold of ${threshold}.`}
        columns={["Balance range", "Accounts"]}
        rows={overview.buckets.map((bucket) => ({ label: bucket.label, value: String(bucket.count) }))}
      >
        <ColumnChart
          columns={overview.buckets.map((bucket) => ({
            label: bucket.axisLabel,
            value: bucket.count,
            isWarning: bucket.isBelowThreshold,
          }))}
        />
      </ChartFigure>
      <ChartFigure
        id="lowest-balances"
        title="Lowest ten balances"
        summary={`The ten accounts with the least money left (${overview.currency}); ${below > 0 ? `${below} of them below their threshold (red)` : "none below its threshold"}. The dashed line is the default threshold.`}
        columns={["Account", `Balance (${overview.currency})`]}
        rows={overview.lowest.map((bar) => ({
          label: bar.label,
          value: `${bar.shown}${bar.isBelow ? " (below threshold)" : ""}`,
        }))}
      >
        <BarListChart
          bars={overview.lowest.map((bar) => ({
            label: bar.label,
            value: bar.amount,
            shown: bar.shown,
            isWarning: bar.isBelow,
          }))}
          marker={{ value: Number(threshold), label: `threshold ${threshold}` }}
        />
      </ChartFigure>
    </>
  );
}
