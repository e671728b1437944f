import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function BalancesLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading balances…" />
    </Card>
  );
}
