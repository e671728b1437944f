import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function UsersLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading users…" />
    </Card>
  );
}
