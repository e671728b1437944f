import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function SecurityLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading your security settings…" />
    </Card>
  );
}
