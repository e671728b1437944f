import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function ApprovalsLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading the approval requests…" />
    </Card>
  );
}
