import { Card } from "@/components/ui/card";

export interface ChartRow {
  label: string;
  value: string;
}

/**
 * A chart's frame: a heading, a one-line summary (the figcaption), the SVG (hidden from screen readers)
 * and the same figures as a visually hidden table, which is the chart's text alternative.
 */
export function ChartFigure({
  id,
  title,
  summary,
  columns,
  rows,
  children,
  footer,
}: {
  id: string;
  title: string;
  summary: string;
  columns: [string, string];
  rows: ChartRow[];
  children: React.ReactNode;
  /** Shown under the chart and read out (a list of the latest rows, a link). */
  footer?: React.ReactNode;
}) {
  return (
    <Card className="min-w-0">
      <figure aria-labelledby={`${id}-title`} data-testid={`chart-${id}`} className="flex flex-col gap-2">
        <h3 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h3>
        <figcaption className="text-sm text-slate-600 dark:text-slate-300">{summary}</figcaption>
        {/* Capped so a chart in a wide cell does not blow its text up past the page's. */}
        <div aria-hidden="true" className="w-full max-w-xl">
          {children}
        </div>
        {/* sr-only on the wrapper: a table sizes to its content whatever its own width says. */}
        <div className="sr-only">
          <table data-testid={`chart-${id}-table`}>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columns[0]}</th>
                <th scope="col">{columns[1]}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.label}-${index}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {footer}
      </figure>
    </Card>
  );
}
