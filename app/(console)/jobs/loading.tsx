import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function JobsLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading jobs…" />
    </Card>
  );
}
