// Horizontal bars for named items (the lowest balances), with the threshold drawn as a dashed line.

export interface NamedBar {
  label: string;
  value: number;
  shown: string;
  isWarning: boolean;
}

const WIDTH = 360;
const ROW = 24;
const LABEL = 118;
const VALUE = 62;

const truncate = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

export function BarListChart({
  bars,
  marker,
}: {
  bars: NamedBar[];
  marker?: { value: number; label: string };
}) {
  const values = [...bars.map((bar) => bar.value), marker?.value ?? 0, 0];
  const low = Math.min(...values);
  const high = Math.max(...values, low + 1);
  const plot = WIDTH - LABEL - VALUE;
  const x = (value: number) => LABEL + ((value - low) / (high - low)) * plot;
  const height = bars.length * ROW + 18;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full" role="presentation" focusable="false">
      {bars.map((bar, index) => {
        const top = index * ROW + 4;
        const start = Math.min(x(0), x(bar.value));
        return (
          <g key={`${bar.label}-${index}`}>
            <text x={0} y={top + 13} fontSize={11} className="fill-slate-700 dark:fill-slate-200">
              {truncate(bar.label, 19)}
            </text>
            <rect
              x={start}
              y={top + 2}
              width={Math.max(1, Math.abs(x(bar.value) - x(0)))}
              height={ROW - 8}
              rx={2}
              className={
                bar.isWarning ? "fill-red-600 dark:fill-red-400" : "fill-brand-600 dark:fill-brand-400"
              }
            />
            <text
              x={WIDTH}
              y={top + 13}
              textAnchor="end"
              fontSize={11}
              className="fill-slate-700 tabular-nums dark:fill-slate-200"
            >
              {bar.shown}
            </text>
          </g>
        );
      })}
      {marker ? (
        <g>
          <line
            x1={x(marker.value)}
            x2={x(marker.value)}
            y1={0}
            y2={bars.length * ROW + 4}
            strokeDasharray="4 3"
            strokeWidth={1.5}
            className="stroke-amber-600 dark:stroke-amber-400"
          />
          <text
            x={x(marker.value)}
            y={height - 3}
            textAnchor="middle"
            fontSize={10}
            className="fill-amber-800 dark:fill-amber-300"
          >
            {marker.label}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
