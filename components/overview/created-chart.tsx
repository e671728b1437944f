import { ChartFigure } from "./chart-figure";
import { ColumnChart } from "./column-chart";

const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleString("en", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });

/** Managed accounts created in each of the last 12 months. */
export function CreatedChart({
  months,
  isComplete,
}: {
  months: { month: string; count: number }[];
  isComplete: boolean;
}) {
  const total = months.reduce((sum, month) => sum + month.count, 0);
  const last = months.at(-1);
  return (
    <ChartFigure
      id="accounts-created"
      title="Accounts created per month"
      summary={`${total.toLocaleString("en")} accounts created in the last 12 months${isComplete ? "" : " (at least: only the newest 1,000 were read)"}; ${last?.count ?? 0} so far in ${last ? monthName(last.month) : "this month"}.`}
      columns={["Month", "Accounts created"]}
      rows={months.map((month) => ({ label: monthName(month.month), value: String(month.count) }))}
    >
      <ColumnChart
        columns={months.map((month) => ({
          label: monthName(month.month).slice(0, 3),
          value: month.count,
        }))}
      />
    </ChartFigure>
  );
}
