// Vertical bars, drawn on the server as SVG: no chart library reaches the browser. The viewBox is narrow
// (a phone's width) so the text stays readable when it scales down, and grows with the card on a desktop.

export interface Column {
  label: string;
  value: number;
  /** Marks a column that needs attention (below the threshold). */
  isWarning?: boolean;
}

const WIDTH = 360;
const HEIGHT = 170;
const LEFT = 34;
const BOTTOM = 22;
const TOP = 10;

/** Rounds the axis up to 1, 2 or 5 times a power of ten, so gridline labels are plain numbers. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((multiple) => multiple * power >= value) ?? 10;
  return step * power;
}

export function ColumnChart({ columns, labelEvery = 1 }: { columns: Column[]; labelEvery?: number }) {
  const max = niceMax(Math.max(0, ...columns.map((column) => column.value)));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / Math.max(1, columns.length);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="presentation" focusable="false">
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line
            x1={LEFT}
            x2={WIDTH}
            y1={y(tick)}
            y2={y(tick)}
            className="stroke-slate-200 dark:stroke-slate-700"
            strokeWidth={1}
          />
          <text
            x={LEFT - 4}
            y={y(tick) + 4}
            textAnchor="end"
            fontSize={11}
            className="fill-slate-600 dark:fill-slate-300"
          >
            {Number.isInteger(tick) ? tick : tick.toFixed(1)}
          </text>
        </g>
      ))}
      {columns.map((column, index) => {
        const x = LEFT + index * slot + (slot - barWidth) / 2;
        return (
          <g key={`${column.label}-${index}`}>
            <rect
              x={x}
              y={y(column.value)}
              width={barWidth}
              height={Math.max(0, y(0) - y(column.value))}
              rx={2}
              className={
                column.isWarning ? "fill-red-600 dark:fill-red-400" : "fill-brand-600 dark:fill-brand-400"
              }
            />
            {/* Counted from the end, so the latest column is always labelled. */}
            {(columns.length - 1 - index) % labelEvery === 0 ? (
              <text
                x={x + barWidth / 2}
                y={HEIGHT - 6}
                textAnchor="middle"
                fontSize={10}
                className="fill-slate-600 dark:fill-slate-300"
              >
                {column.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
