import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function StaffLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading staff…" />
    </Card>
  );
}
