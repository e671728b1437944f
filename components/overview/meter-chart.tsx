// One quantity against its whole (channels allocated out of the pool), as a single SVG bar.

const WIDTH = 360;

export function MeterChart({
  used,
  total,
  usedLabel,
  restLabel,
}: {
  used: number;
  total: number;
  usedLabel: string;
  restLabel: string;
}) {
  const share = total > 0 ? Math.min(1, used / total) : 0;
  const isOver = total > 0 && used > total;
  return (
    <svg viewBox={`0 0 ${WIDTH} 58`} className="h-auto w-full" role="presentation" focusable="false">
      <rect x={0} y={4} width={WIDTH} height={22} rx={4} className="fill-slate-200 dark:fill-slate-700" />
      <rect
        x={0}
        y={4}
        width={WIDTH * share}
        height={22}
        rx={4}
        className={isOver ? "fill-red-600 dark:fill-red-400" : "fill-brand-600 dark:fill-brand-400"}
      />
      <rect
        x={0}
        y={38}
        width={10}
        height={10}
        className={isOver ? "fill-red-600 dark:fill-red-400" : "fill-brand-600 dark:fill-brand-400"}
      />
      <text x={14} y={47} fontSize={11} className="fill-slate-700 dark:fill-slate-200">
        {usedLabel}
      </text>
      <rect x={WIDTH / 2} y={38} width={10} height={10} className="fill-slate-200 dark:fill-slate-700" />
      <text x={WIDTH / 2 + 14} y={47} fontSize={11} className="fill-slate-700 dark:fill-slate-200">
        {restLabel}
      </text>
    </svg>
  );
}
