// The account page's 30-day balance chart, drawn on the server as SVG (no chart library shipped to the
// browser). The SVG is decorative to assistive technology; a visually hidden table gives each day's last
// balance, and a sentence sums the trend up.
import { Card, CardTitle } from "@/components/ui/card";
import { formatCalendarDay, formatDateTime } from "@/lib/format/date";
import type { BalanceHistoryPoint } from "@/lib/balances/history";

const WIDTH = 600;
const HEIGHT = 180;
const PAD = { left: 4, right: 4, top: 6, bottom: 6 };

interface Plotted {
  amount: number;
  at: number;
}

function money(amount: number, currency: string | null) {
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ""}`;
}

/** Each UTC day's last balance, for the text alternative. */
function dailyLast(points: Plotted[]): { day: string; amount: number }[] {
  const byDay = new Map<string, number>();
  for (const point of points) byDay.set(new Date(point.at).toISOString().slice(0, 10), point.amount);
  return [...byDay].map(([day, amount]) => ({ day, amount }));
}

export function BalanceChart({
  points,
  currency,
  days,
  now,
}: {
  points: BalanceHistoryPoint[];
  currency: string | null;
  days: number;
  now: number;
}) {
  const plotted = points.flatMap((point) =>
    point.amount === null ? [] : [{ amount: point.amount, at: new Date(point.at).getTime() }],
  );
  const title = `Balance, last ${days} days`;
  if (plotted.length === 0) {
    return (
      <Card data-testid="balance-chart">
        <CardTitle>{title}</CardTitle>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          No balance stored for this account yet: the balance refresh stores one each time it runs.
        </p>
      </Card>
    );
  }
  const start = now - days * 86_400_000;
  const amounts = plotted.map((point) => point.amount);
  const low = Math.min(0, ...amounts);
  const high = Math.max(...amounts, low + 1);
  const x = (at: number) => PAD.left + ((at - start) / (now - start)) * (WIDTH - PAD.left - PAD.right);
  const y = (amount: number) => PAD.top + ((high - amount) / (high - low)) * (HEIGHT - PAD.top - PAD.bottom);
  const line = plotted.map((point) => `${x(point.at).toFixed(1)},${y(point.amount).toFixed(1)}`).join(" ");
  const first = plotted[0] as Plotted;
  const last = plotted.at(-1) as Plotted;
  const summary = `From ${money(first.amount, currency)} on ${formatDateTime(new Date(first.at))} to ${money(last.amount, currency)} on ${formatDateTime(new Date(last.at))}; lowest ${money(Math.min(...amounts), currency)}, highest ${money(Math.max(...amounts), currency)}.`;
  const label = "text-xs text-slate-600 tabular-nums dark:text-slate-300";
  return (
    <Card data-testid="balance-chart">
      <CardTitle>{title}</CardTitle>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300" data-testid="balance-chart-summary">
        {summary}
      </p>
      {/* Labels are HTML beside the drawing, so they stay readable however small the SVG is scaled. */}
      <div className="mt-3 flex gap-2" aria-hidden="true">
        <div className={`flex flex-col justify-between pb-5 text-right ${label}`}>
          <span>{high.toFixed(0)}</span>
          <span>{low.toFixed(0)}</span>
        </div>
        <div className="min-w-0 flex-1">
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            className="h-auto w-full"
            aria-hidden="true"
            focusable="false"
          >
            <line
              x1={0}
              x2={WIDTH}
              y1={y(0)}
              y2={y(0)}
              className="stroke-slate-300 dark:stroke-slate-600"
              strokeDasharray="4 3"
            />
            <line x1={1} x2={1} y1={0} y2={HEIGHT} className="stroke-slate-300 dark:stroke-slate-600" />
            <polyline
              points={line}
              fill="none"
              strokeWidth={2}
              className="stroke-brand-600 dark:stroke-brand-400"
            />
            {plotted.length === 1 ? (
              <circle
                cx={x(first.at)}
                cy={y(first.amount)}
                r={3}
                className="fill-brand-600 dark:fill-brand-400"
              />
            ) : null}
          </svg>
          <div className={`mt-1 flex justify-between ${label}`}>
            <span>{formatCalendarDay(new Date(start).toISOString().slice(0, 10))}</span>
            <span>{formatCalendarDay(new Date(now).toISOString().slice(0, 10))}</span>
          </div>
        </div>
      </div>
      <table className="sr-only" data-testid="balance-chart-table">
        <caption>{`${title}: each day's last balance`}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Balance</th>
          </tr>
        </thead>
        <tbody>
          {dailyLast(plotted).map((row) => (
            <tr key={row.day}>
              <td>{formatCalendarDay(row.day)}</td>
              <td>{money(row.amount, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
