import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function AlertsLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading the alerts…" />
    </Card>
  );
}
