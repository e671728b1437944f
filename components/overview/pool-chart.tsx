import type { ChannelPool } from "@/lib/schemas/managed-accounts";
import { ChartFigure } from "./chart-figure";
import { MeterChart } from "./meter-chart";

/** Channels handed out to accounts against the manager's allocatable pool. */
export function PoolChart({ pool }: { pool: ChannelPool }) {
  const share = pool.allocatable > 0 ? Math.round((pool.allocated / pool.allocatable) * 100) : 0;
  const format = (value: number) => value.toLocaleString("en");
  return (
    <ChartFigure
      id="channel-allocation"
      title="Channel allocation"
      summary={`${format(pool.allocated)} of ${format(pool.allocatable)} outbound channels allocated to accounts (${share}%); ${format(pool.headroom)} left to hand out.`}
      columns={["Channels", "Count"]}
      rows={[
        { label: "Allocated to accounts", value: format(pool.allocated) },
        { label: "Headroom", value: format(pool.headroom) },
        { label: "Allocatable (the pool)", value: format(pool.allocatable) },
      ]}
    >
      <MeterChart
        used={pool.allocated}
        total={pool.allocatable}
        usedLabel={`allocated ${format(pool.allocated)}`}
        restLabel={`headroom ${format(pool.headroom)}`}
      />
    </ChartFigure>
  );
}
