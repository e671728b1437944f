import { Card } from "@/components/ui/card";
import { LoadingPanel } from "@/components/ui/state-panels";

export default function AuditLoading() {
  return (
    <Card>
      <LoadingPanel label="Loading the audit trail…" />
    </Card>
  );
}
