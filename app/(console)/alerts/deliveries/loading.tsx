import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function DeliveriesLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading the delivery log…" />
    </Card>
  );
}
